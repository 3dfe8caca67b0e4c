import type { AuthResponse, ErrorResponse, InvitationResponse, UserResponse } from '@samspill/contracts';
import { DEMO_ACCOUNTS } from '@samspill/testing';
import { simpleParser } from 'mailparser';
import { createHash, randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startTestApi, type TestApi } from './support/api-server';
import { Collaboration, expectStatus } from './support/collaboration-fixtures';
import { login, refreshCookieOf, request } from './support/http';
import { type Mailbox, startMailbox, tokenFrom } from './support/mailbox';

/*
 * Invitations by e-mail, sent through a real SMTP server in this process:
 * the mail arrives in the invitee's language as text and HTML, its link works
 * once and for 72 hours, and a mail server that refuses never loses an
 * invitation without the inviter learning it.
 */
let api: TestApi;
let mailbox: Mailbox;
let c: Collaboration;
const PASSWORD = 'et-langt-nok-passord';

beforeAll(async () => {
  mailbox = await startMailbox();
  api = await startTestApi({ SMTP_URL: mailbox.url, MAIL_FROM: 'Samspill <ikke-svar@samspill.test>', PUBLIC_URL: 'https://samspill.test' });
  c = await Collaboration.load(api);
});
afterAll(async () => {
  await api?.close();
  await mailbox?.close();
});

const newAddress = () => `ny.${randomUUID().slice(0, 8)}@gran.kommune.no`;
const invite = (who: Parameters<Collaboration['call']>[0], body: Record<string, unknown>) =>
  c.call<InvitationResponse>(who, 'POST', '/api/invitations', { name: 'Kari Kollega', role: 'staff', ...body });
const accept = (token: string, password = PASSWORD) =>
  request<AuthResponse & ErrorResponse>(api.baseUrl, 'POST', '/api/invitations/accept', { body: { token, password } });

describe('a leader invites a colleague', () => {
  it('stores the invitation, sends the mail in the invitee’s language as text and HTML, and the link signs the colleague in', async () => {
    const email = newAddress();
    // Guro Leder reads English in these tests (global-setup); the invitee reads bokmål.
    const created = await invite('granLeader', { email, locale: 'nb' });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      id: expect.any(String),
      email,
      name: 'Kari Kollega',
      role: 'staff',
      organization: { id: c.org.gran, name: 'Gran kommune' },
      expiresAt: expect.any(String),
      status: 'pending',
      locale: 'nb',
      invitedBy: { id: await c.userId('granLeader'), name: 'Guro Leder' },
      createdAt: expect.any(String),
      mailSent: true,
    });
    const hours = (Date.parse(created.body.expiresAt) - Date.now()) / 3_600_000;
    expect(hours).toBeGreaterThan(71.9);
    expect(hours).toBeLessThanOrEqual(72);

    const mail = await mailbox.next(email);
    expect(mail.raw.from?.value).toEqual([{ name: 'Samspill', address: 'ikke-svar@samspill.test' }]);
    expect(mail.subject).toBe('Du er invitert til Samspill');
    expect(mail.text).toContain('Hei Kari Kollega,');
    expect(mail.text).toContain('Guro Leder har invitert deg til Samspill som en del av Gran kommune.');
    expect(mail.text).toMatch(/https:\/\/samspill\.test\/invitation\/[A-Za-z0-9_-]{43}/);
    expect(mail.lang).toBe('nb');
    expect(mail.html).toContain('Godta invitasjonen');
    const token = tokenFrom(mail, 'invitation');
    expect(mail.html).toContain(`https://samspill.test/invitation/${token}`);

    // Only the hash is stored.
    const stored = await api.row<{ token_hash: string }>(`SELECT token_hash FROM invitations WHERE id = $1`, [created.body.id]);
    expect(stored.token_hash).toBe(createHash('sha256').update(token).digest('hex'));
    expect(JSON.stringify(await api.sql(`SELECT * FROM invitations`))).not.toContain(token);

    const accepted = await accept(token);
    expect(accepted.status).toBe(201);
    expect(accepted.body.user).toEqual({
      id: expect.any(String),
      email,
      name: 'Kari Kollega',
      role: 'staff',
      organization: { id: c.org.gran, name: 'Gran kommune', kind: 'municipality' },
      locale: 'nb',
    });
    expect(refreshCookieOf(accepted.headers)?.attributes).toMatch(/HttpOnly/i);
    const me = await request<UserResponse>(api.baseUrl, 'GET', '/api/auth/me', { token: accepted.body.accessToken });
    expect(me.body.email).toBe(email);
    // The chosen password works from now on.
    expect((await login(api.baseUrl, email, PASSWORD)).auth.user.email).toBe(email);
    expect(await api.sql(`SELECT accepted_user_id FROM invitations WHERE id = $1`, [created.body.id])).toEqual([
      { accepted_user_id: accepted.body.user.id },
    ]);
    // Accepted invitations leave the list.
    const list = await c.call<InvitationResponse[]>('granLeader', 'GET', '/api/invitations');
    expect(list.body.map((i) => i.id)).not.toContain(created.body.id);
  });

  it('writes the mail in English when the invitee is to use English', async () => {
    const email = newAddress();
    expectStatus(201, await invite('granLeader', { email, locale: 'en' }));
    const mail = await mailbox.next(email);
    expect(mail.subject).toBe('You are invited to Samspill');
    expect(mail.text).toContain('Guro Leder has invited you to Samspill as part of Gran kommune.');
    expect(mail.lang).toBe('en');
    const accepted = expectStatus(201, await accept(tokenFrom(mail, 'invitation')));
    expect(accepted.user.locale).toBe('en');
  });

  it('escapes what people wrote in the HTML of the mail', async () => {
    const email = newAddress();
    expectStatus(201, await invite('granLeader', { email, name: '<script>alert(1)</script> Kari' }));
    const mail = await mailbox.next(email);
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).toContain('&lt;script&gt;');
  });
});

describe('a link works once, for 72 hours, and only while the invitation stands', () => {
  async function invitedToken(): Promise<{ id: string; token: string; email: string }> {
    const email = newAddress();
    const { id } = expectStatus(201, await invite('granLeader', { email }));
    return { id, email, token: tokenFrom(await mailbox.next(email), 'invitation') };
  }
  const invalid = { statusCode: 400, code: 'INVALID_TOKEN', message: expect.stringContaining('no longer works') };

  it('refuses a used link', async () => {
    const { token } = await invitedToken();
    expectStatus(201, await accept(token));
    const users = await api.row<{ n: number }>(`SELECT count(*)::int AS n FROM users`);
    const again = await accept(token, 'et-annet-langt-passord');
    expect({ status: again.status, body: again.body }).toEqual({ status: 400, body: invalid });
    expect(await api.row<{ n: number }>(`SELECT count(*)::int AS n FROM users`)).toEqual(users);
  });

  it('refuses a withdrawn invitation, and a withdrawn one cannot be withdrawn again', async () => {
    const { id, token, email } = await invitedToken();
    expect((await c.call('granLeader', 'DELETE', `/api/invitations/${id}`)).status).toBe(204);
    expect((await accept(token)).body).toEqual(invalid);
    expect(await api.sql(`SELECT 1 FROM users WHERE email = $1`, [email])).toEqual([]);
    expect((await c.call<ErrorResponse>('granLeader', 'DELETE', `/api/invitations/${id}`)).body.code).toBe('INVITATION_NOT_PENDING');
  });

  it('refuses an expired link, and lists the invitation as expired, to be sent again', async () => {
    const { id, token, email } = await invitedToken();
    await api.sql(`UPDATE invitations SET expires_at = now() - interval '1 second' WHERE id = $1`, [id]);
    expect((await accept(token)).body).toEqual(invalid);
    const pending = await c.call<InvitationResponse[]>('granLeader', 'GET', '/api/invitations');
    expect(pending.body.map((i) => i.id)).not.toContain(id);
    const expired = await c.call<InvitationResponse[]>('granLeader', 'GET', '/api/invitations?status=expired');
    expect(expired.body.find((i) => i.id === id)).toMatchObject({ status: 'expired', email });
  });

  it('refuses a forged link', async () => {
    await invitedToken();
    for (const token of ['forfalsket', randomUUID().replaceAll('-', ''), 'A'.repeat(43)]) {
      expect((await accept(token)).body).toEqual(invalid);
    }
  });

  it('resending gives a new link that works, and the old one stops working', async () => {
    const { id, token: old, email } = await invitedToken();
    await api.sql(`UPDATE invitations SET expires_at = now() - interval '1 hour' WHERE id = $1`, [id]);
    const resent = await c.call<InvitationResponse>('granLeader', 'POST', `/api/invitations/${id}/resend`, {});
    expect(resent.status).toBe(200);
    expect(resent.body).toMatchObject({ id, status: 'pending', mailSent: true });
    expect(Date.parse(resent.body.expiresAt)).toBeGreaterThan(Date.now() + 71.9 * 3_600_000);
    const fresh = tokenFrom(await mailbox.next(email), 'invitation');
    expect(fresh).not.toBe(old);
    expect((await accept(old)).body).toEqual(invalid);
    expect((await accept(fresh)).status).toBe(201);
  });
});

describe('refusals change nothing', () => {
  const invitations = async () => (await api.row<{ n: number }>(`SELECT count(*)::int AS n FROM invitations`)).n;

  it('an address that already has an account: 409 EMAIL_TAKEN', async () => {
    const before = await invitations();
    const result = await invite('granLeader', { email: DEMO_ACCOUNTS.granStaff });
    expect(result.status).toBe(409);
    expect(result.body).toMatchObject({ code: 'EMAIL_TAKEN' });
    expect(await invitations()).toBe(before);
  });

  it('a leader inviting into another organisation, or an admin: 403', async () => {
    const before = await invitations();
    const other = await invite('granLeader', { email: newAddress(), organizationId: c.org.lunner });
    expect(other.status).toBe(403);
    expect(other.body).toMatchObject({ code: 'FORBIDDEN', message: 'A leader invites people into their own organisation only.' });
    const admin = await invite('granLeader', { email: newAddress(), role: 'admin' });
    expect(admin.status).toBe(403);
    expect(admin.body).toMatchObject({ code: 'FORBIDDEN', message: 'Only an administrator may invite an administrator.' });
    expect(await invitations()).toBe(before);
  });

  it('staff and politicians cannot invite at all', async () => {
    for (const who of ['granStaff', 'granPolitician'] as const) {
      expect((await invite(who, { email: newAddress() })).status).toBe(403);
      expect((await c.call(who, 'GET', '/api/invitations')).status).toBe(403);
    }
  });

  it('an invitation into an organisation that has merged into another: 400 INACTIVE_ORGANIZATION', async () => {
    const make = async (name: string) =>
      expectStatus(201, await c.call<{ id: string }>('admin', 'POST', '/api/organizations', { name, kind: 'municipality', country: 'NO' }))
        .id;
    const merged = await make(`Gamle ${randomUUID().slice(0, 6)} kommune`);
    const successor = await make(`Nye ${randomUUID().slice(0, 6)} kommune`);
    expectStatus(200, await c.call('admin', 'POST', `/api/organizations/${merged}/successor`, { successorId: successor }));
    const before = await invitations();
    const result = await invite('admin', { email: newAddress(), organizationId: merged });
    expect(result.status).toBe(400);
    expect(result.body).toMatchObject({ code: 'INACTIVE_ORGANIZATION', message: expect.stringContaining('is now part of') });
    expect(await invitations()).toBe(before);
  });
});

describe('when the mail server fails', () => {
  afterEach(() => mailbox.refuse(false));

  it('keeps the invitation, says mailSent: false, and resending delivers it once the server is back', async () => {
    mailbox.refuse(true);
    const email = newAddress();
    const created = await invite('granLeader', { email });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ email, status: 'pending', mailSent: false });
    expect(await api.sql(`SELECT mail_sent FROM invitations WHERE id = $1`, [created.body.id])).toEqual([{ mail_sent: false }]);
    const listed = await c.call<InvitationResponse[]>('granLeader', 'GET', '/api/invitations');
    expect(listed.body.find((i) => i.id === created.body.id)).toMatchObject({ mailSent: false });
    expect(api.output()).toContain('mail not sent');

    mailbox.refuse(false);
    const resent = expectStatus(
      200,
      await c.call<InvitationResponse>('granLeader', 'POST', `/api/invitations/${created.body.id}/resend`, {}),
    );
    expect(resent.mailSent).toBe(true);
    expect((await accept(tokenFrom(await mailbox.next(email), 'invitation'))).status).toBe(201);
  });
});

describe('without SMTP_URL', () => {
  it('writes each mail as one .eml file to DATA_DIR/mail, and says so at start-up', async () => {
    const offline = await startTestApi();
    try {
      expect(offline.output()).toContain(`every mail is written as an .eml file to ${join(offline.dataDir, 'mail')}`);
      const admin = await login(offline.baseUrl, DEMO_ACCOUNTS.admin);
      const email = newAddress();
      const created = await request<InvitationResponse>(offline.baseUrl, 'POST', '/api/invitations', {
        token: admin.token,
        body: {
          email,
          name: 'Filip Fil',
          role: 'staff',
          locale: 'nb',
          organizationId: (await offline.row<{ id: string }>(`SELECT id FROM organizations WHERE name = 'Gran kommune'`)).id,
        },
      });
      expect(created.body).toMatchObject({ mailSent: true });
      const files = readdirSync(join(offline.dataDir, 'mail'));
      expect(files).toHaveLength(1);
      expect(files[0]).toMatch(/\.eml$/);
      const eml = readFileSync(join(offline.dataDir, 'mail', files[0] as string), 'utf8');
      expect(eml).toMatch(new RegExp(`^To: ${email}\\r$`, 'm'));
      expect(eml).toContain('Content-Type: text/plain');
      expect(eml).toContain('Content-Type: text/html');
      const parsed = await simpleParser(eml);
      expect(parsed.subject).toBe('Du er invitert til Samspill');
      expect(parsed.text).toMatch(new RegExp(`^http://localhost:\\d+/invitation/[A-Za-z0-9_-]{43}$`, 'm'));
    } finally {
      await offline.close();
    }
  });
});
