import { DEMO_ACCOUNTS, type DemoAccount } from '@samspill/demo';
import type { Actor } from '@samspill/domain';
import { DataSource } from 'typeorm';
import { primaryOnly } from '../database/database';
import { CommentsService } from '../discussion/comments.service';
import { ThreadAccess } from '../discussion/thread-access';
import { Notifier } from '../notifications/notifier';
import { PartnershipAccess } from '../partnerships/partnership-access';

const at = (day: string, hour = 10) => new Date(`${day}T${String(hour).padStart(2, '0')}:00:00Z`);

interface DemoComment {
  key: string;
  by: DemoAccount;
  text: string;
  on: string;
  /** The key of the comment it replies to. */
  replyTo?: string;
  mentions?: DemoAccount[];
}

/** A discussion next to a PILOTen Hadeland project, with a reply, a mention and an observer's word. */
const PILOT_PROJECT = 'Forbedringstavler i alle enheter';
const PILOT_DISCUSSION: DemoComment[] = [
  {
    key: 'ask',
    by: 'granStaff',
    text: 'Vi har hatt forbedringstavler i tre enheter nå. Hvordan fikk dere lederne med fra starten, Lunner?',
    on: '2026-10-05',
  },
  {
    key: 'answer',
    by: 'lunnerStaff',
    text: 'Vi startet med én enhet og lot lederen der fortelle de andre hva som virket. Lise kan si mer om hvordan vi gjorde det i ledergruppen.',
    on: '2026-10-06',
    replyTo: 'ask',
    mentions: ['lunnerLeader'],
  },
  {
    key: 'leader',
    by: 'lunnerLeader',
    text: 'Vi satte av ti minutter i hvert ledermøte til å se på tavlene sammen. Det gjorde mer enn noen opplæring.',
    on: '2026-10-07',
    replyTo: 'ask',
  },
  {
    key: 'observer',
    by: 'statsforvalterenStaff',
    text: 'Fint å se. Vi tar gjerne med erfaringene deres på fagdagen for kommunene i Innlandet i januar.',
    on: '2026-10-12',
  },
];

/**
 * Questions from the floor on Roskilde's `public` network, which takes them like a `platform` partnership: one from
 * Vestre Toten answered by Roskilde, one from Gran still open.
 */
const ROSKILDE_NETWORK = 'Roskildes lean-netværk';
const FLOOR_QUESTIONS: DemoComment[] = [
  {
    key: 'floor',
    by: 'vestreTotenStaff',
    text: 'Hvordan måler dere gevinstene av tavlemøtene – i tid, eller i noe brukerne merker?',
    on: '2026-09-15',
  },
  {
    key: 'floorAnswer',
    by: 'roskildeStaff',
    text: 'Begge dele: vi tæller ventetid i dage og spørger borgerne én gang i kvartalet.',
    on: '2026-09-16',
    replyTo: 'floor',
  },
  {
    key: 'open',
    by: 'granStaff',
    text: 'Har dere prøvd tavlemøter i hjemmetjenesten, der de ansatte sjelden er samlet?',
    on: '2026-11-20',
  },
];

/** Roskilde asks the benefits network, a `platform` partnership it is not part of; Vestre Toten answers. */
const BENEFITS_NETWORK = 'Gevinstnettverket';
const ROSKILDE_ASKS: DemoComment[] = [
  {
    key: 'roskilde',
    by: 'roskildeStaff',
    text: 'Hvordan gør I gevinsterne synlige for politikerne – som årsværk eller som kroner?',
    on: '2026-10-20',
  },
  {
    key: 'roskildeAnswer',
    by: 'vestreTotenStaff',
    text: 'Som årsverk i det daglige, fordi det er det enhetene kjenner igjen. Kronene regner vi ut én gang i året, til budsjettet.',
    on: '2026-10-21',
    replyTo: 'roskilde',
  },
];

/** Adds the demo discussions through CommentsService, once (a thread that has comments is left alone). */
export async function seedDiscussion(dataSource: DataSource): Promise<number> {
  const users = await dataSource.query<{ id: string; email: string; name: string; role: Actor['role']; organization_id: string | null }[]>(
    `SELECT id, email, name, role, organization_id FROM users WHERE email = ANY($1)`,
    [Object.values(DEMO_ACCOUNTS)],
  );
  const person = (account: DemoAccount) => {
    const user = users.find((u) => u.email === DEMO_ACCOUNTS[account]);
    if (!user) throw new Error(`demo seed: unknown ${account}`);
    return user;
  };
  const db = primaryOnly(dataSource);
  const comments = new CommentsService(dataSource, new ThreadAccess(new PartnershipAccess(dataSource, db), db), new Notifier(null));
  let added = 0;
  const seedThread = async (type: 'project' | 'partnership', id: string, thread: DemoComment[]) => {
    const existing = await dataSource.query(`SELECT 1 FROM comments WHERE entity_type = $1 AND entity_id = $2 LIMIT 1`, [type, id]);
    if (existing.length > 0) return;
    const ids = new Map<string, string>();
    for (const c of thread) {
      const who = person(c.by);
      const made = await comments.create({ role: who.role, organizationId: who.organization_id }, who, type, id, {
        text: c.text,
        parentId: c.replyTo ? ids.get(c.replyTo) : undefined,
        mentionIds: (c.mentions ?? []).map((m) => person(m).id),
        at: at(c.on),
      });
      ids.set(c.key, made.id);
      added++;
    }
  };
  const [project] = await dataSource.query<{ id: string }[]>(
    `SELECT pr.id FROM projects pr JOIN partnerships p ON p.id = pr.partnership_id WHERE pr.title = $1 AND p.name = 'PILOTen Hadeland' LIMIT 1`,
    [PILOT_PROJECT],
  );
  if (project) await seedThread('project', project.id, PILOT_DISCUSSION);
  const [network] = await dataSource.query<{ id: string }[]>(`SELECT id FROM partnerships WHERE name = $1`, [ROSKILDE_NETWORK]);
  if (network) await seedThread('partnership', network.id, FLOOR_QUESTIONS);
  const [benefits] = await dataSource.query<{ id: string }[]>(`SELECT id FROM partnerships WHERE name = $1`, [BENEFITS_NETWORK]);
  if (benefits) await seedThread('partnership', benefits.id, ROSKILDE_ASKS);
  return added;
}
