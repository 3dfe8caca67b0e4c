import type { ErrorResponse, InvitationResponse, Locale, ProjectResponse, UserResponse } from '@samspill/contracts';
import { LOCALES } from '@samspill/contracts/values';
import { DEMO_PASSWORD } from '@samspill/testing';
import { randomUUID } from 'node:crypto';
import { startTestApi, type TestApi } from './support/api-server';
import { Collaboration, expectStatus } from './support/collaboration-fixtures';
import { login, request, type Session } from './support/http';
import { type Mailbox, startMailbox } from './support/mailbox';
import { PdfStructure } from './support/pdf-structure';

/*
 * Issue 13: the API speaks bokmål, nynorsk, Danish, Swedish, Finnish and English. A refusal follows the
 * signed-in person's own language, else Accept-Language, else bokmål (never an error); downloads take
 * ?lang= and otherwise the person's language; mails go out in the reader's language.
 */

let api: TestApi;
let c: Collaboration;
let mailbox: Mailbox;

beforeAll(async () => {
  mailbox = await startMailbox();
  api = await startTestApi({ SMTP_URL: mailbox.url });
  c = await Collaboration.load(api);
});
afterAll(async () => {
  await api?.close();
  await mailbox?.close();
});

/** A new person of Gran kommune who reads `locale`, signed in. */
async function reader(locale: Locale, role: 'staff' | 'leader' | 'admin' = 'staff'): Promise<{ user: UserResponse; session: Session }> {
  const email = `les.${locale}.${randomUUID().slice(0, 8)}@gran.kommune.no`;
  const user = expectStatus(
    201,
    await c.call<UserResponse>('admin', 'POST', '/api/users', {
      email,
      name: `Leser ${locale}`,
      role,
      organizationId: role === 'admin' ? null : c.org.gran,
      password: DEMO_PASSWORD,
      locale,
    }),
  );
  return { user, session: await login(api.baseUrl, email) };
}

/** A failed sign-in, each for another address: the throttle counts failures per account. */
const wrongPassword = (acceptLanguage?: string) =>
  fetch(`${api.baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(acceptLanguage === undefined ? {} : { 'accept-language': acceptLanguage }) },
    body: JSON.stringify({ email: `ingen.${randomUUID().slice(0, 8)}@gran.kommune.no`, password: 'not-the-password-at-all' }),
  });

const WRONG_PASSWORD: Record<Locale, string> = {
  nb: 'Feil e-post eller passord.',
  nn: 'Feil e-post eller passord.',
  da: 'Forkert e-mail eller adgangskode.',
  sv: 'Fel e-postadress eller lösenord.',
  fi: 'Väärä sähköpostiosoite tai salasana.',
  en: 'Wrong email or password.',
};

const NO_SUCH_PROJECT: Record<Locale, string> = {
  nb: 'Vi fant ikke prosjektet.',
  nn: 'Vi fann ikkje prosjektet.',
  da: 'Vi kunne ikke finde projektet.',
  sv: 'Projektet finns inte.',
  fi: 'Hanketta ei löytynyt.',
  en: 'No such project.',
};

describe('before sign-in, Accept-Language', () => {
  it('gives a Danish sentence on a failed sign-in with Accept-Language: da', async () => {
    const answer = await wrongPassword('da');
    expect(answer.status).toBe(401);
    expect(await answer.json()).toEqual({ statusCode: 401, code: 'INVALID_CREDENTIALS', message: 'Forkert e-mail eller adgangskode.' });
  });

  it.each([...LOCALES])('answers %s in its own words, with the same code', async (locale) => {
    const answer = await wrongPassword(locale);
    expect(answer.status).toBe(401);
    expect(await answer.json()).toEqual({ statusCode: 401, code: 'INVALID_CREDENTIALS', message: WRONG_PASSWORD[locale] });
  });

  it.each([
    ['da-DK,da;q=0.9,en;q=0.8', 'da'],
    ['en;q=0.2, sv;q=0.8', 'sv'],
    ['fr-FR, fi;q=0.5, en;q=0.4', 'fi'],
    ['nn-NO', 'nn'],
    ['no', 'nb'],
    ['NB-no', 'nb'],
  ] as const)('reads %j as %s', async (header, locale) => {
    expect(((await (await wrongPassword(header)).json()) as ErrorResponse).message).toBe(WRONG_PASSWORD[locale]);
  });

  it.each([
    ['no header at all', undefined],
    ['an unsupported language', 'fr-FR, de;q=0.5'],
    ['a wildcard', '*'],
    ['a broken weight', 'da;q=abc'],
    ['a weight of zero', 'da;q=0'],
    ['garbage', ';q=a,,;;'],
    ['a very long tag', 'en'.repeat(500)],
    ['characters outside ASCII', 'xx-ÆØÅ'],
  ])('falls back to bokmål for %s, never an error', async (_what, header) => {
    const answer = await wrongPassword(header);
    expect(answer.status).toBe(401);
    expect(await answer.json()).toEqual({ statusCode: 401, code: 'INVALID_CREDENTIALS', message: WRONG_PASSWORD.nb });
  });

  it('names an address the API does not have in the asked language', async () => {
    const answer = await request<ErrorResponse>(api.baseUrl, 'GET', '/api/no-such-thing', { headers: { 'accept-language': 'sv' } });
    expect(answer.body).toEqual({
      statusCode: 404,
      code: 'NOT_FOUND',
      message: 'Den här adressen finns inte i Samspills API: GET /api/no-such-thing',
    });
  });
});

describe('a signed-in person', () => {
  it.each([...LOCALES])(
    'may choose %s with PATCH /api/auth/me; refusals then follow it on any device, whatever the browser asks',
    async (locale) => {
      const other: Locale = locale === 'fi' ? 'sv' : 'fi';
      const { user, session } = await reader(other);

      const changed = await request<UserResponse>(api.baseUrl, 'PATCH', '/api/auth/me', { token: session.token, body: { locale } });

      expect(changed.status).toBe(200);
      expect(changed.body.locale).toBe(locale);
      expect(await api.sql(`SELECT locale FROM users WHERE id = $1`, [user.id])).toEqual([{ locale }]);
      // Another device: a new sign-in is told the language, and refusals are written in it even when the browser asks for English.
      const elsewhere = await login(api.baseUrl, user.email);
      expect(elsewhere.auth.user.locale).toBe(locale);
      const missing = await request<ErrorResponse>(api.baseUrl, 'GET', `/api/projects/${randomUUID()}`, {
        token: elsewhere.token,
        headers: { 'accept-language': 'en' },
      });
      expect(missing.body).toEqual({ statusCode: 404, code: 'NOT_FOUND', message: NO_SUCH_PROJECT[locale] });
    },
  );

  it('refuses a language Samspill does not have, and keeps the one chosen', async () => {
    const { user, session } = await reader('da');
    for (const locale of ['xx', 'no', 'DA', '', 'nb-NO', 7]) {
      const answer = await request<ErrorResponse>(api.baseUrl, 'PATCH', '/api/auth/me', { token: session.token, body: { locale } });
      expect([locale, answer.status, answer.body.code]).toEqual([locale, 400, 'VALIDATION_FAILED']);
      // In Danish, with the field named.
      expect(answer.body.message).toMatch(/^Noget af det, der blev sendt, er ikke gyldigt\. Detaljer: .*locale/);
    }
    expect(await api.sql(`SELECT locale FROM users WHERE id = $1`, [user.id])).toEqual([{ locale: 'da' }]);
  });

  it('lets an administrator set anyone’s language, including Swedish and Finnish', async () => {
    const { user } = await reader('nb');
    for (const locale of LOCALES) {
      const answer = await c.call<UserResponse>('admin', 'PATCH', `/api/users/${user.id}`, { locale });
      expect([locale, answer.status, answer.body.locale]).toEqual([locale, 200, locale]);
    }
  });

  it('keeps a validation refusal’s field details after the sentence in the person’s language', async () => {
    const { session } = await reader('sv', 'leader');
    const answer = await request<ErrorResponse>(api.baseUrl, 'POST', '/api/projects', { token: session.token, body: { title: '' } });
    expect(answer.status).toBe(400);
    expect(answer.body.code).toBe('VALIDATION_FAILED');
    expect(answer.body.message).toMatch(/^En del av det som skickades är inte giltigt\. Detaljer: /);
    expect(answer.body.message).toContain('partnershipId');
  });

  it('words a refusal with a reason by that reason', async () => {
    const { session } = await reader('da', 'leader');
    const answer = await request<ErrorResponse>(api.baseUrl, 'POST', '/api/partnerships', {
      token: session.token,
      body: { name: 'Gran alene', description: '', memberIds: [c.org.gran] },
    });
    expect(answer.body).toEqual({
      statusCode: 400,
      code: 'INVALID_MEMBERS',
      message: 'Et samarbejde skal have mindst to medlemmer.',
      reason: 'TOO_FEW_MEMBERS',
    });
  });
});

describe('downloads', () => {
  async function pdf(token: string, query = ''): Promise<{ status: number; pdf: PdfStructure; text: string }> {
    const response = await fetch(`${api.baseUrl}/api/dashboard/partnerships/${c.pilot.id}/report.pdf${query}`, {
      headers: { authorization: `Bearer ${token}`, 'accept-language': 'en' },
    });
    const bytes = Buffer.from(await response.arrayBuffer());
    const structure = await PdfStructure.load(bytes);
    return { status: response.status, pdf: structure, text: structure.pageTexts().join('\n') };
  }
  const squeeze = (text: string) => text.replace(/\s+/g, '');

  it('writes the council report in Danish with ?lang=da, whatever the person reads', async () => {
    const { token } = await c.session('granPolitician');
    const { status, pdf: report, text } = await pdf(token, '?lang=da');
    expect(status).toBe(200);
    expect(report.lang).toBe('da-DK');
    expect(report.title).toBe('Rapport: PILOTen Hadeland');
    for (const words of [
      'Samspill – rapport til kommunalbestyrelser og politiske udvalg',
      'Kort fortalt',
      'Nøgletal',
      'Aktive projekter pr. fase',
      'Indikatorer og seriediagrammer',
      'Gevinster: identificeret og realiseret',
      'Holder gevinsterne?',
      'Projekterne efter fase',
      'Side 1 af',
    ]) {
      expect([words, squeeze(text).includes(squeeze(words))]).toEqual([words, true]);
    }
    for (const english of ['Key figures', 'In short', 'Active projects by stage', 'Page 1 of']) {
      expect([english, squeeze(text).includes(squeeze(english))]).toEqual([english, false]);
    }
  });

  it('writes it in the person’s own language without ?lang=, and in that language for an unsupported one', async () => {
    const { session } = await reader('fi', 'leader');
    const own = await pdf(session.token);
    expect(own.status).toBe(200);
    expect(own.pdf.lang).toBe('fi-FI');
    expect(own.pdf.title).toBe('Raportti: PILOTen Hadeland');
    expect(squeeze(own.text)).toContain(squeeze('Tunnusluvut'));
    const unsupported = await pdf(session.token, '?lang=xx');
    expect(unsupported.status).toBe(200);
    expect(unsupported.pdf.lang).toBe('fi-FI');
  });

  const firstLine = async (token: string, path: string) => {
    const response = await fetch(`${api.baseUrl}${path}`, { headers: { authorization: `Bearer ${token}`, 'accept-language': 'en' } });
    expect(response.status).toBe(200);
    return new TextDecoder().decode(new Uint8Array(await response.arrayBuffer()).slice(3)).split('\r\n')[0];
  };

  it('heads the project CSV in Swedish with ?lang=sv', async () => {
    const { token } = await c.session('granLeader');
    expect(await firstLine(token, `/api/projects.csv?partnershipId=${c.pilot.id}&lang=sv`)).toBe(
      '"Titel";"Samverkan";"Insatsområde";"Fas";"Status";"Deltagare";"Skapat";"Senast ändrat"',
    );
  });

  it('writes the benefit CSV in a Swedish reader’s words, decimals with a comma', async () => {
    const { session } = await reader('sv', 'leader');
    const [project] = expectStatus(
      200,
      await c.call<{ items: ProjectResponse[] }>('granLeader', 'GET', `/api/projects?partnershipId=${c.pilot.id}&limit=200`),
    ).items.filter((p) => p.status === 'active');
    expectStatus(
      201,
      await c.call('granLeader', 'POST', `/api/projects/${project?.id}/benefits`, {
        kind: 'time',
        description: 'Färre nattbesök',
        unit: 'fte',
        identified: 1.5,
      }),
    );
    const response = await fetch(`${api.baseUrl}/api/benefits.csv?partnershipId=${c.pilot.id}`, {
      headers: { authorization: `Bearer ${session.token}`, 'accept-language': 'en' },
    });
    const lines = new TextDecoder().decode(new Uint8Array(await response.arrayBuffer()).slice(3)).split('\r\n');
    expect(lines[0]).toBe(
      '"Projekt";"Samverkan";"Organisation";"Typ";"Beskrivning";"Enhet";"Identifierad";"Realiserad";"Realiserad datum";"Registrerad"',
    );
    expect(lines.find((l) => l.includes('Färre nattbesök'))).toContain('"Tid";"Färre nattbesök";"årsarbetare";"1,5"');
  });

  it('heads the audit trail’s CSV in Finnish with ?lang=fi', async () => {
    const { token } = await c.session('admin');
    expect(await firstLine(token, '/api/audit.csv?lang=fi')).toBe(
      '"Ajankohta (UTC)";"Tekijä";"Organisaatio";"Toimenpide";"Tyyppi";"Tunniste";"Ennen";"Jälkeen"',
    );
  });
});

describe('mail', () => {
  it('sends a password reset in the account’s language', async () => {
    const { user } = await reader('sv');
    expect((await request(api.baseUrl, 'POST', '/api/auth/password-reset', { body: { email: user.email } })).status).toBe(202);
    const mail = await mailbox.next(user.email);
    expect(mail.subject).toBe('Nytt lösenord till Samspill');
    expect(mail.lang).toBe('sv');
    expect(mail.text).toContain('Länken fungerar en gång');
  });

  it('invites in the inviter’s language when none is chosen, and in the chosen one otherwise', async () => {
    const { session } = await reader('da', 'leader');
    const invite = (email: string, locale?: Locale) =>
      request<InvitationResponse>(api.baseUrl, 'POST', '/api/invitations', {
        token: session.token,
        body: { email, name: 'Kirsten Kollega', role: 'staff', ...(locale ? { locale } : {}) },
      });
    const danish = `dansk.${randomUUID().slice(0, 8)}@gran.kommune.no`;
    expect(expectStatus(201, await invite(danish)).locale).toBe('da');
    const inDanish = await mailbox.next(danish);
    expect(inDanish.subject).toBe('Du er inviteret til Samspill');
    expect(inDanish.text).toContain('Leser da har inviteret dig til Samspill som en del af Gran kommune.');

    const finnish = `suomi.${randomUUID().slice(0, 8)}@gran.kommune.no`;
    expect(expectStatus(201, await invite(finnish, 'fi')).locale).toBe('fi');
    const inFinnish = await mailbox.next(finnish);
    expect(inFinnish.subject).toBe('Sinut on kutsuttu Samspilliin');
    expect(inFinnish.lang).toBe('fi');
  });
});
