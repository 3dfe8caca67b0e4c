/**
 * Issue 9 at Nordic scale: lesson and project texts that read like real ones
 * (the base seed writes one sentence two million times, which no search can
 * be measured on), closing rationales for the stopped and completed
 * projects, about 5,000 practices and 20,000 adoptions (some practices built
 * on others), and the search vectors and GIN indexes. Runs once: a database
 * whose lessons all have their search vector and that holds the practices
 * is left alone.
 *
 * Texts are two sentences from per-language phrase lists (Norwegian for NO
 * and IS, Danish, Swedish, Finnish), picked by a hash of the row id. The
 * common search word ("tavlemøter" and its Nordic forms) is in one phrase of
 * 40, so in about 5 % of texts; the rare one ("kvernsteinsprinsippet") in
 * one text of 10,007.
 */
import type { Client } from 'pg';
import { progress } from './support';

export const COMMON_WORD = 'tavlemøter';
export const RARE_WORD = 'kvernsteinsprinsippet';
const PRACTICES = 5_000;
const ADOPTIONS = 20_000;

interface Phrases {
  subjects: string[];
  verbs: string[];
  objects: string[];
}

const PHRASES: Record<'norwegian' | 'danish' | 'swedish' | 'finnish', Phrases> = {
  norwegian: {
    subjects: [
      'Teamet',
      'Lederne',
      'Medarbeiderne',
      'Brukerne',
      'Pårørende',
      'Enheten',
      'Styringsgruppen',
      'Sykepleierne',
      'Saksbehandlerne',
      'Prosjektgruppen',
    ],
    verbs: [
      'fikk til',
      'lærte mye om',
      'slet med',
      'ble enige om',
      'prøvde ut',
      'stoppet arbeidet med',
      'trengte mer tid til',
      'fikk gode resultater med',
      'undervurderte',
      'så verdien av',
    ],
    objects: [
      COMMON_WORD + ' hver morgen',
      'digitalt tilsyn om natten',
      'felles innkjøp av utstyr',
      'hverdagsrehabilitering i hjemmet',
      'turnus med lengre vakter',
      'forbedringstavler i alle enheter',
      'velferdsteknologi i sykehjemmet',
      'kortere ventetid for nye brukere',
      'gevinster talt i årsverk',
      'opplæring av nye folkevalgte',
      'innbyggerpanel om tjenestene',
      'samarbeid med frivillige',
      'felles rekruttering av sykepleiere',
      'ett telefonnummer for innbyggerne',
      'medisinrobot i hjemmetjenesten',
      'tverrfaglige team rundt brukeren',
      'færre avvik i saksbehandlingen',
      'dokumentasjon på nettbrett',
      'ruteplanlegging for hjemmesykepleien',
      'kompetanseplan for assistentene',
      'heltidskultur og hele stillinger',
      'ernæring for eldre hjemmeboende',
      'tidlig innsats i barnehagen',
      'læringsmiljø i ungdomsskolen',
      'digital søknad om tjenester',
      'felles journal på tvers av enhetene',
      'mottak av flyktninger',
      'innkjøp av elbiler til tjenestene',
      'brukerundersøkelse hvert år',
      'bemanningsplan for sommeren',
      'veiledning av nyutdannede',
      'sykefravær i renholdet',
      'kommunikasjon med pårørende',
      'ventelister til sykehjemsplass',
      'tjenestedesign med innbyggerne',
      'kvalitetsindikatorer for tjenestene',
      'arbeidsflyt på servicetorget',
      'deling av data mellom kommunene',
      'lokal beredskap ved strømbrudd',
      'trygghetsalarmer for eldre',
    ],
  },
  danish: {
    subjects: [
      'Teamet',
      'Lederne',
      'Medarbejderne',
      'Borgerne',
      'De pårørende',
      'Enheden',
      'Styregruppen',
      'Sygeplejerskerne',
      'Sagsbehandlerne',
      'Projektgruppen',
    ],
    verbs: [
      'fik styr på',
      'lærte meget om',
      'kæmpede med',
      'blev enige om',
      'afprøvede',
      'stoppede arbejdet med',
      'havde brug for mere tid til',
      'fik gode resultater med',
      'undervurderede',
      'så værdien af',
    ],
    objects: [
      'tavlemøder hver morgen',
      'digitalt tilsyn om natten',
      'fælles indkøb af udstyr',
      'hverdagsrehabilitering i hjemmet',
      'vagtplaner med længere vagter',
      'forbedringstavler i alle enheder',
      'velfærdsteknologi på plejehjemmet',
      'kortere ventetid for nye borgere',
      'gevinster opgjort i årsværk',
      'introduktion af nye politikere',
      'borgerpanel om servicen',
      'samarbejde med frivillige',
      'fælles rekruttering af sygeplejersker',
      'ét telefonnummer for borgerne',
      'medicinrobot i hjemmeplejen',
      'tværfaglige teams omkring borgeren',
      'færre fejl i sagsbehandlingen',
      'dokumentation på tablet',
      'ruteplanlægning i hjemmeplejen',
      'kompetenceplan for assistenterne',
      'fuldtidskultur og hele stillinger',
      'ernæring for ældre i eget hjem',
      'tidlig indsats i børnehaven',
      'læringsmiljø i udskolingen',
      'digital ansøgning om ydelser',
      'fælles journal på tværs af enhederne',
      'modtagelse af flygtninge',
      'indkøb af elbiler til driften',
      'brugerundersøgelse hvert år',
      'bemandingsplan for sommeren',
      'vejledning af nyuddannede',
      'sygefravær i rengøringen',
      'kommunikation med pårørende',
      'ventelister til plejebolig',
      'servicedesign med borgerne',
      'kvalitetsindikatorer for servicen',
      'arbejdsgange i borgerservice',
      'deling af data mellem kommunerne',
      'lokalt beredskab ved strømsvigt',
      'nødkald for ældre',
    ],
  },
  swedish: {
    subjects: [
      'Teamet',
      'Cheferna',
      'Medarbetarna',
      'Brukarna',
      'De anhöriga',
      'Enheten',
      'Styrgruppen',
      'Sjuksköterskorna',
      'Handläggarna',
      'Projektgruppen',
    ],
    verbs: [
      'fick till',
      'lärde sig mycket om',
      'kämpade med',
      'enades om',
      'provade',
      'avbröt arbetet med',
      'behövde mer tid för',
      'fick goda resultat med',
      'underskattade',
      'såg värdet av',
    ],
    objects: [
      'tavelmöten varje morgon',
      'digital tillsyn på natten',
      'gemensamma inköp av utrustning',
      'vardagsrehabilitering i hemmet',
      'schema med längre pass',
      'förbättringstavlor i alla enheter',
      'välfärdsteknik på äldreboendet',
      'kortare väntetid för nya brukare',
      'vinster räknade i årsarbeten',
      'introduktion för nya politiker',
      'medborgarpanel om tjänsterna',
      'samarbete med frivilliga',
      'gemensam rekrytering av sjuksköterskor',
      'ett telefonnummer för invånarna',
      'läkemedelsrobot i hemtjänsten',
      'tvärprofessionella team kring brukaren',
      'färre avvikelser i handläggningen',
      'dokumentation på surfplatta',
      'ruttplanering i hemsjukvården',
      'kompetensplan för undersköterskorna',
      'heltidskultur och hela tjänster',
      'kost för äldre i eget boende',
      'tidiga insatser i förskolan',
      'lärmiljö i högstadiet',
      'digital ansökan om insatser',
      'gemensam journal mellan enheterna',
      'mottagande av flyktingar',
      'inköp av elbilar till verksamheten',
      'brukarundersökning varje år',
      'bemanningsplan för sommaren',
      'handledning av nyutexaminerade',
      'sjukfrånvaro i städningen',
      'kommunikation med anhöriga',
      'väntelistor till särskilt boende',
      'tjänstedesign med invånarna',
      'kvalitetsindikatorer för tjänsterna',
      'arbetsflöden i kontaktcenter',
      'datadelning mellan kommunerna',
      'lokal beredskap vid strömavbrott',
      'trygghetslarm för äldre',
    ],
  },
  finnish: {
    subjects: [
      'Tiimi',
      'Esihenkilöt',
      'Työntekijät',
      'Asiakkaat',
      'Omaiset',
      'Yksikkö',
      'Ohjausryhmä',
      'Sairaanhoitajat',
      'Käsittelijät',
      'Projektiryhmä',
    ],
    verbs: [
      'onnistui kehittämään',
      'oppi paljon asiasta',
      'kamppaili asian kanssa:',
      'sopi asiasta:',
      'kokeili',
      'lopetti työn:',
      'tarvitsi lisää aikaa:',
      'sai hyviä tuloksia:',
      'aliarvioi',
      'näki arvon:',
    ],
    objects: [
      'taulupalaverit joka aamu',
      'digitaalinen yövalvonta',
      'yhteiset laitehankinnat',
      'arkikuntoutus kotona',
      'pidemmät työvuorot',
      'kehittämistaulut kaikissa yksiköissä',
      'hyvinvointiteknologia hoivakodissa',
      'lyhyempi odotusaika uusille asiakkaille',
      'hyödyt henkilötyövuosina',
      'uusien valtuutettujen perehdytys',
      'asukaspaneeli palveluista',
      'yhteistyö vapaaehtoisten kanssa',
      'sairaanhoitajien yhteinen rekrytointi',
      'yksi puhelinnumero asukkaille',
      'lääkerobotti kotihoidossa',
      'moniammatilliset tiimit asiakkaan ympärillä',
      'vähemmän poikkeamia käsittelyssä',
      'kirjaaminen tabletilla',
      'kotihoidon reittisuunnittelu',
      'osaamissuunnitelma avustajille',
      'kokoaikaisuus ja kokonaiset virat',
      'ikäihmisten ravitsemus kotona',
      'varhainen tuki päiväkodissa',
      'oppimisympäristö yläkoulussa',
      'sähköinen palveluhakemus',
      'yhteinen potilastieto yksiköiden välillä',
      'pakolaisten vastaanotto',
      'sähköautojen hankinta',
      'asiakaskysely joka vuosi',
      'kesän henkilöstösuunnitelma',
      'vastavalmistuneiden ohjaus',
      'sairauspoissaolot siivouksessa',
      'viestintä omaisten kanssa',
      'jonot ympärivuorokautiseen hoivaan',
      'palvelumuotoilu asukkaiden kanssa',
      'palvelujen laatuindikaattorit',
      'asiakaspalvelun työnkulut',
      'tiedon jakaminen kuntien välillä',
      'paikallinen varautuminen sähkökatkoon',
      'turvapuhelimet ikäihmisille',
    ],
  },
};

/** SQL that writes two sentences for a row: `seed` is an expression unique to the row, `config` its language. */
function sentencesSql(seed: string, config: string): string {
  const pick = (part: keyof Phrases, salt: string) =>
    `(CASE ${config} ${(Object.keys(PHRASES) as (keyof typeof PHRASES)[])
      .map(
        (language) =>
          `WHEN '${language}' THEN (${sqlArray(PHRASES[language][part])})[1 + abs(hashtext(${seed} || '${salt}')) % ${PHRASES[language][part].length}]`,
      )
      .join(
        ' ',
      )} ELSE (${sqlArray(PHRASES.norwegian[part])})[1 + abs(hashtext(${seed} || '${salt}')) % ${PHRASES.norwegian[part].length}] END)`;
  const sentence = (n: number) =>
    `${pick('subjects', `s${n}`)} || ' ' || ${pick('verbs', `v${n}`)} || ' ' || ${pick('objects', `o${n}`)} || '.'`;
  return `${sentence(1)} || ' ' || ${sentence(2)} || CASE WHEN abs(hashtext(${seed} || 'rare')) % 10007 = 0 THEN ' Vi kaller det ${RARE_WORD}.' ELSE '' END`;
}

function sqlArray(values: string[]): string {
  return `ARRAY[${values.map((v) => `'${v.replaceAll("'", "''")}'`).join(', ')}]`;
}

const CONFIG_OF_ORGANIZATION = (organization: string) =>
  `samspill_search_config((SELECT country FROM organizations WHERE id = ${organization}))::text`;

export async function seedLearning(c: Client): Promise<void> {
  const [state] = (
    await c.query<{ unindexed: boolean; practices: number; adoptions: number }>(
      `SELECT EXISTS (SELECT 1 FROM log_entries WHERE kind IN ('lesson', 'result') AND search_vector IS NULL) AS unindexed,
              (SELECT count(*)::int FROM practices) AS practices, (SELECT count(*)::int FROM adoptions) AS adoptions`,
    )
  ).rows;
  if (!state) throw new Error('no state');
  if (!state.unindexed && state.practices >= PRACTICES && state.adoptions >= ADOPTIONS) {
    console.log(`Learning data already there (${state.practices.toLocaleString('en')} practices).`);
    return;
  }
  await c.query(`SET synchronous_commit = off`);
  await c.query(`SET maintenance_work_mem = '512MB'`);

  if (state.unindexed) {
    // Triggers off: the vectors are computed here, and millions of data-version bumps are not wanted.
    await c.query(`SET session_replication_role = replica`);
    await c.query(`DROP INDEX IF EXISTS log_entries_lesson_search_idx`);
    await c.query(`DROP INDEX IF EXISTS stage_transitions_closing_search_idx`);
    await c.query(`DROP INDEX IF EXISTS projects_search_idx`);

    const chunks = 20;
    progress('lesson texts and vectors', 0, chunks);
    for (let i = 0; i < chunks; i++) {
      await c.query(
        `UPDATE log_entries e SET text = x.text, search_vector = samspill_search_vector(x.config::regconfig, x.text)
         FROM (SELECT id, ${sentencesSql('id::text', 'cfg')} AS text, cfg AS config
               FROM (SELECT id, ${CONFIG_OF_ORGANIZATION('organization_id')} AS cfg FROM log_entries
                     WHERE kind IN ('lesson', 'result') AND search_vector IS NULL AND abs(hashtext(id::text)) % ${chunks} = ${i}) s) x
         WHERE e.id = x.id`,
      );
      progress('lesson texts and vectors', i + 1, chunks);
    }

    progress('closing rationales', 0, 1);
    await c.query(
      `INSERT INTO stage_transitions (project_id, kind, from_stage, to_stage, from_status, to_status, rationale, decided_by, decided_at, search_vector)
       SELECT x.id, 'status', x.stage, x.stage, 'active', x.status, x.text, x.created_by, x.updated_at + interval '200 days',
              samspill_search_vector(x.config::regconfig, x.text)
       FROM (SELECT pr.id, pr.stage, pr.status, pr.created_by, pr.updated_at, s.cfg AS config,
                    CASE pr.status WHEN 'stopped' THEN 'Stoppet. ' ELSE 'Fullført. ' END || ${sentencesSql('pr.id::text', 's.cfg')} AS text
             FROM projects pr
             CROSS JOIN LATERAL (SELECT ${CONFIG_OF_ORGANIZATION('(SELECT organization_id FROM users WHERE id = pr.created_by)')} AS cfg) s
             WHERE pr.status <> 'active'
               AND NOT EXISTS (SELECT 1 FROM stage_transitions t WHERE t.project_id = pr.id AND t.kind = 'status')) x`,
    );
    progress('closing rationales', 1, 1);

    progress('project texts and vectors', 0, chunks);
    for (let i = 0; i < chunks; i++) {
      await c.query(
        `UPDATE projects pr SET title = split_part(x.text, '.', 1), description = x.text,
                search_vector = samspill_project_search_vector(pr.created_by, split_part(x.text, '.', 1), x.text)
         FROM (SELECT id, ${sentencesSql("id::text || 'p'", 'cfg')} AS text
               FROM (SELECT id, ${CONFIG_OF_ORGANIZATION('(SELECT organization_id FROM users u WHERE u.id = created_by)')} AS cfg FROM projects
                     WHERE search_vector IS NULL AND abs(hashtext(id::text)) % ${chunks} = ${i}) s) x
         WHERE pr.id = x.id`,
      );
      progress('project texts and vectors', i + 1, chunks);
    }
    await c.query(`SET session_replication_role = DEFAULT`);

    progress('search indexes', 0, 3);
    await c.query(`CREATE INDEX log_entries_lesson_search_idx ON log_entries USING gin (search_vector) WHERE kind IN ('lesson', 'result')`);
    progress('search indexes', 1, 3);
    await c.query(
      `CREATE INDEX stage_transitions_closing_search_idx ON stage_transitions USING gin (search_vector)
       WHERE kind = 'status' AND to_status IN ('stopped', 'completed')`,
    );
    progress('search indexes', 2, 3);
    await c.query(`CREATE INDEX projects_search_idx ON projects USING gin (search_vector)`);
    progress('search indexes', 3, 3);
  }

  if (state.practices < PRACTICES || state.adoptions < ADOPTIONS) {
    await c.query(`DROP TABLE IF EXISTS bench_orgs`);
    await c.query(
      `CREATE UNLOGGED TABLE bench_orgs AS
       SELECT row_number() OVER (ORDER BY o.id) AS n, o.id, o.name, (SELECT min(u.id::text)::uuid FROM users u WHERE u.organization_id = o.id) AS user_id,
              samspill_search_config(o.country)::text AS cfg
       FROM organizations o WHERE EXISTS (SELECT 1 FROM users u WHERE u.organization_id = o.id)`,
    );
    await c.query(`CREATE INDEX ON bench_orgs (n)`);
    const [{ orgs }] = (await c.query<{ orgs: number }>(`SELECT count(*)::int AS orgs FROM bench_orgs`)).rows as [{ orgs: number }];
    progress('practices', 0, 1);
    await c.query(
      `INSERT INTO practices (organization_id, title, summary, description, created_by, created_at, updated_at)
       SELECT o.id, split_part(t.text, '.', 1), ltrim(split_part(t.text, '.', 2)) || '.', t.text, o.user_id, t.at, t.at
       FROM generate_series(1, $1) g
       JOIN bench_orgs o ON o.n = 1 + (g::bigint * 7919) % $2
       CROSS JOIN LATERAL (SELECT ${sentencesSql("g::text || 'practice'", 'o.cfg')} AS text, now() - (random() * interval '1000 days') AS at) t`,
      [Math.max(0, PRACTICES - state.practices), orgs],
    );
    progress('practices', 1, 1);

    progress('adoptions', 0, 2);
    await c.query(`DROP TABLE IF EXISTS bench_practices`);
    await c.query(
      `CREATE UNLOGGED TABLE bench_practices AS
       SELECT row_number() OVER (ORDER BY created_at, id) AS n, id, organization_id, created_at FROM practices`,
    );
    await c.query(`CREATE INDEX ON bench_practices (n)`);
    // One practice in five builds on an earlier one (practices built on practices: the lineage).
    await c.query(
      `INSERT INTO adoptions (practice_id, organization_id, kind, changes, derived_practice_id, recorded_by, created_at)
       SELECT origin.id, child.organization_id, CASE WHEN child.n % 3 = 0 THEN 'copy' ELSE 'adapted' END,
              CASE WHEN child.n % 3 = 0 THEN NULL ELSE 'Tilpasset til våre enheter og vår turnus.' END,
              child.id, (SELECT user_id FROM bench_orgs WHERE id = child.organization_id), child.created_at
       FROM bench_practices child JOIN bench_practices origin ON origin.n = 1 + (child.n * 31) % (child.n - 1)
       WHERE child.n > 20 AND child.n % 5 = 0 AND origin.organization_id <> child.organization_id
       ON CONFLICT DO NOTHING`,
    );
    progress('adoptions', 1, 2);
    // The rest at random, a few practices far more popular than most (as in life).
    await c.query(
      `INSERT INTO adoptions (practice_id, organization_id, kind, changes, recorded_by, created_at)
       SELECT p.id, o.id, CASE WHEN g % 3 = 0 THEN 'adapted' ELSE 'copy' END,
              CASE WHEN g % 3 = 0 THEN 'Vi tok det i bruk i to enheter først.' END, o.user_id, p.created_at + interval '30 days'
       FROM generate_series(1, $1) g
       JOIN bench_practices p ON p.n = 1 + floor($2 * power(random(), 3))::int
       JOIN bench_orgs o ON o.n = 1 + (g::bigint * 104729) % $3
       WHERE o.id <> p.organization_id
       ON CONFLICT DO NOTHING`,
      [ADOPTIONS, PRACTICES, orgs],
    );
    // Topped up to the round figure with pairs of their own.
    for (let round = 1; round <= 5; round++) {
      const [{ n }] = (await c.query<{ n: number }>(`SELECT count(*)::int AS n FROM adoptions`)).rows as [{ n: number }];
      if (n >= ADOPTIONS) break;
      await c.query(
        `INSERT INTO adoptions (practice_id, organization_id, kind, recorded_by, created_at)
         SELECT p.id, o.id, 'copy', o.user_id, p.created_at + interval '60 days'
         FROM generate_series(1, $1) g
         JOIN bench_practices p ON p.n = 1 + (g::bigint * 7907 + $4) % $2
         JOIN bench_orgs o ON o.n = 1 + (g::bigint * 15485863 + $4) % $3
         WHERE o.id <> p.organization_id
         ON CONFLICT DO NOTHING`,
        [ADOPTIONS - n, PRACTICES, orgs, round * 7],
      );
    }
    progress('adoptions', 2, 2);
    await c.query(`DROP TABLE bench_orgs`);
    await c.query(`DROP TABLE bench_practices`);
  }

  progress('VACUUM ANALYZE (learning)', 0, 1);
  await c.query(`VACUUM ANALYZE log_entries, stage_transitions, projects, practices, adoptions`);
  progress('VACUUM ANALYZE (learning)', 1, 1);

  const counts = await c.query<{ t: string; n: number }>(`
    SELECT 'lessons and results' t, count(*)::int n FROM log_entries WHERE kind IN ('lesson', 'result')
    UNION ALL SELECT 'closing rationales', count(*) FROM stage_transitions WHERE kind = 'status' AND to_status IN ('stopped', 'completed')
    UNION ALL SELECT 'practices', count(*) FROM practices UNION ALL SELECT 'adoptions', count(*) FROM adoptions
    UNION ALL SELECT 'practices built on others', count(DISTINCT derived_practice_id) FROM adoptions
    UNION ALL SELECT format('lessons with "%s"', '${COMMON_WORD}'), count(*) FROM log_entries
      WHERE kind IN ('lesson', 'result') AND search_vector @@ samspill_search_query('${COMMON_WORD}')
    UNION ALL SELECT format('lessons with "%s"', '${RARE_WORD}'), count(*) FROM log_entries
      WHERE kind IN ('lesson', 'result') AND search_vector @@ samspill_search_query('${RARE_WORD}')`);
  for (const r of counts.rows) console.log(`  ${r.t.padEnd(34)} ${r.n.toLocaleString('en').padStart(12)}`);
}
