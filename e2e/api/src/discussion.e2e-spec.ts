import type { Comment, CommentRevision, FollowState, NotificationList, NotificationSettings, ProjectResponse } from '@samspill/contracts';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type ApiProcess, spawnApi, startTestApi, type TestApi } from './support/api-server';
import { Collaboration, expectStatus, type Who } from './support/collaboration-fixtures';
import { DEMO_ACCOUNTS } from '@samspill/testing';
import { request } from './support/http';
import { openStream } from './support/event-stream';
import { claimsOf, signJwt } from './support/jwt';

/*
 * Issue 12 from the outside: threads on projects, practices and partnerships, follows, notifications (also live,
 * across two API processes), settings, the immediate mail of a mention and its one-click unsubscribe. Every refusal
 * leaves nothing stored.
 */
let api: TestApi;
let c: Collaboration;
let project: ProjectResponse;

beforeAll(async () => {
  // Without SMTP_URL: mail is written as .eml files to DATA_DIR/mail.
  api = await startTestApi({ JOB_POLL_SECONDS: '1' });
  // The template's demo people read English (global setup); here they read bokmål, as at home, so that the
  // notifications, mails and refusals below are checked in the language most people read them in.
  await api.sql(`UPDATE users SET locale = 'nb'`);
  c = await Collaboration.load(api);
  project = await c.project('granStaff', { title: 'Tavlemøter i hjemmetjenesten' });
});
afterAll(async () => {
  await api?.close();
});

type Refusal = { statusCode: number; code: string; message: string; reason?: string };
const post = (who: Who, path: string, body: unknown) => c.call<Comment & Refusal>(who, 'POST', path, body);
const onProject = (who: Who, body: unknown, id = project.id) => post(who, `/api/projects/${id}/comments`, body);
const thread = async (who: Who, path: string) => expectStatus(200, await c.call<Comment[]>(who, 'GET', path));
const comments = async () => (await api.row<{ n: number }>(`SELECT count(*)::int AS n FROM comments`)).n;
const notificationsOf = async (who: Who) =>
  api.sql<{ kind: string; link: string }>(`SELECT kind, link FROM notifications WHERE user_id = $1 ORDER BY created_at`, [
    await c.userId(who),
  ]);

describe('POST and GET /api/projects/:id/comments', () => {
  it('stores a comment and lists the thread oldest first in the contract’s shape', async () => {
    const first = expectStatus(201, await onProject('granStaff', { text: '  Hvordan fikk dere lederne med på tavlemøtene?  ' }));
    expect(first).toEqual({
      id: expect.any(String),
      text: 'Hvordan fikk dere lederne med på tavlemøtene?',
      parentId: null,
      author: { id: await c.userId('granStaff'), name: 'Gunnar Ansatt' },
      organization: { id: c.org.gran, name: 'Gran kommune' },
      mentions: [],
      createdAt: expect.any(String),
      editedAt: null,
      deleted: false,
      fromFloor: false,
    });
    const reply = expectStatus(201, await onProject('lunnerStaff', { text: 'Vi startet med én enhet.', parentId: first.id }));
    expect(reply.parentId).toBe(first.id);
    const listed = await thread('lunnerPolitician', `/api/projects/${project.id}/comments`);
    expect(listed.map((x) => x.id).slice(-2)).toEqual([first.id, reply.id]);
    expect(await api.sql(`SELECT text, entity_type, entity_id FROM comments WHERE id = $1`, [first.id])).toEqual([
      { text: 'Hvordan fikk dere lederne med på tavlemøtene?', entity_type: 'project', entity_id: project.id },
    ]);
    // Gunnar (the project's creator) follows it and is told about the reply as a reply, not as a comment.
    expect(await notificationsOf('granStaff')).toContainEqual({ kind: 'reply', link: `/projects/${project.id}#comment-${reply.id}` });
  });

  it('keeps text as plain text: markup is stored and sent back as written, never interpreted', async () => {
    const text = '<script>alert(1)</script> & <b>fet</b>';
    const made = expectStatus(201, await onProject('granStaff', { text }));
    expect(made.text).toBe(text);
    expect((await api.row<{ text: string }>(`SELECT text FROM comments WHERE id = $1`, [made.id])).text).toBe(text);
  });

  it('lets an observer’s staff write, and politicians only read (403)', async () => {
    expectStatus(201, await onProject('statsforvalterenStaff', { text: 'Statsforvalteren følger dette med interesse.' }));
    const before = await comments();
    const refused = await onProject('granPolitician', { text: 'Politikere skriver ikke her.' });
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('FORBIDDEN');
    expect(await comments()).toBe(before);
    expect((await thread('granPolitician', `/api/projects/${project.id}/comments`)).length).toBeGreaterThan(0);
  });

  it('answers 404 to someone who cannot see the project, for reading and for writing', async () => {
    const before = await comments();
    for (const result of [
      await c.call<Refusal>('roskildeStaff', 'GET', `/api/projects/${project.id}/comments`),
      await onProject('roskildeStaff', { text: 'Hei fra Roskilde' }),
      await c.call<Refusal>('granStaff', 'GET', `/api/projects/00000000-0000-4000-8000-000000000000/comments`),
    ]) {
      expect(result.status).toBe(404);
      expect(result.body).toEqual({ statusCode: 404, code: 'NOT_FOUND', message: 'Vi fant ikke prosjektet.' });
    }
    expect(await comments()).toBe(before);
  });
});

describe('bad input (issue 12, point 5): refused with a clear code, nothing stored', () => {
  let top: Comment;
  let reply: Comment;
  beforeAll(async () => {
    top = expectStatus(201, await onProject('granStaff', { text: 'Et innlegg å svare på.' }));
    reply = expectStatus(201, await onProject('lunnerStaff', { text: 'Et svar.', parentId: top.id }));
  });

  it.each([
    ['empty text', { text: '' }, 'text must not be empty'],
    ['only spaces', { text: '   \n ' }, 'text must not be empty'],
    ['10,001 characters', { text: 'x'.repeat(10_001) }, 'text must be at most 10000 characters'],
    ['no text at all', {}, 'text must not be empty'],
    ['text that is not text', { text: 42 }, 'text must be text'],
    ['an unknown field', { text: 'Hei', html: '<b>' }, 'html: this field is not allowed'],
    ['mentionIds that are not ids', { text: 'Hei', mentionIds: ['gunnar'] }, 'mentionIds must be ids of people'],
  ])('%s → 400 VALIDATION_FAILED', async (_case, body, message) => {
    const before = await comments();
    const result = await onProject('granStaff', body);
    expect(result.status).toBe(400);
    expect(result.body.code).toBe('VALIDATION_FAILED');
    expect(result.body.message).toContain(message);
    expect(await comments()).toBe(before);
  });

  it('takes exactly 10,000 characters', async () => {
    expect(expectStatus(201, await onProject('granStaff', { text: 'y'.repeat(10_000) })).text).toHaveLength(10_000);
  });

  it('refuses a reply to a reply (400 INVALID_PARENT, REPLY_TO_A_REPLY) and a parent from another thread (NOT_IN_THREAD)', async () => {
    const before = await comments();
    const deep = await onProject('granStaff', { text: 'Svar på svaret', parentId: reply.id });
    expect(deep.status).toBe(400);
    expect(deep.body).toMatchObject({ code: 'INVALID_PARENT', reason: 'REPLY_TO_A_REPLY' });
    const elsewhere = await post('granStaff', `/api/partnerships/${c.pilot.id}/comments`, { text: 'Feil tråd', parentId: top.id });
    expect(elsewhere.status).toBe(400);
    expect(elsewhere.body).toMatchObject({ code: 'INVALID_PARENT', reason: 'NOT_IN_THREAD' });
    expect(await comments()).toBe(before);
  });

  it('refuses a mention of someone who cannot see the thread (400 INVALID_MENTIONS), and of nobody', async () => {
    const before = await comments();
    for (const id of [await c.userId('roskildeStaff'), '00000000-0000-4000-8000-000000000000']) {
      const result = await onProject('granStaff', { text: 'Se på dette', mentionIds: [id] });
      expect(result.status).toBe(400);
      expect(result.body.code).toBe('INVALID_MENTIONS');
    }
    expect(await comments()).toBe(before);
    expect(await api.sql(`SELECT 1 FROM notifications WHERE user_id = $1 AND kind = 'mention'`, [await c.userId('roskildeStaff')])).toEqual(
      [],
    );
  });

  it('refuses editing or deleting another person’s comment (403), and changes nothing', async () => {
    const edit = await c.call<Refusal>('lunnerStaff', 'PATCH', `/api/comments/${top.id}`, { text: 'Endret av en annen' });
    expect(edit.status).toBe(403);
    expect(edit.body.code).toBe('FORBIDDEN');
    const remove = await c.call<Refusal>('lunnerLeader', 'DELETE', `/api/comments/${top.id}`);
    expect(remove.status).toBe(403);
    expect(await api.sql(`SELECT text, edited_at, deleted_at FROM comments WHERE id = $1`, [top.id])).toEqual([
      { text: 'Et innlegg å svare på.', edited_at: null, deleted_at: null },
    ]);
    expect(await api.sql(`SELECT 1 FROM comment_revisions WHERE comment_id = $1`, [top.id])).toEqual([]);
  });

  it('refuses a forged unsubscribe token (400 INVALID_TOKEN) without signing in, and changes no setting', async () => {
    const userId = await c.userId('granStaff');
    const forged = `${Buffer.from(`${userId}:mention`).toString('base64url')}.${'A'.repeat(43)}`;
    for (const token of [forged, 'not-a-token', `${forged}.extra`]) {
      const result = await request<Refusal>(api.baseUrl, 'POST', `/api/unsubscribe?token=${encodeURIComponent(token)}`, {
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      });
      expect(result.status).toBe(400);
      expect(result.body.code).toBe('INVALID_TOKEN');
    }
    expect(await api.sql(`SELECT digest, email_on_mention, email_on_reply FROM users WHERE id = $1`, [userId])).toEqual([
      { digest: 'weekly', email_on_mention: true, email_on_reply: true },
    ]);
  });
});

describe('edits and deletion', () => {
  it('keeps the earlier wording of an edit and lists a deleted comment in place, without text', async () => {
    const made = expectStatus(201, await onProject('lunnerStaff', { text: 'Vi prøvde i to uker.' }));
    const answer = expectStatus(201, await onProject('granStaff', { text: 'Takk!', parentId: made.id }));
    const edited = expectStatus(
      200,
      await c.call<Comment>('lunnerStaff', 'PATCH', `/api/comments/${made.id}`, { text: 'Vi prøvde i tre uker.' }),
    );
    expect(edited).toMatchObject({ text: 'Vi prøvde i tre uker.', editedAt: expect.any(String) });
    expect(expectStatus(200, await c.call<CommentRevision[]>('granStaff', 'GET', `/api/comments/${made.id}/revisions`))).toEqual([
      { text: 'Vi prøvde i to uker.', replacedAt: expect.any(String) },
    ]);
    expect((await c.call('lunnerStaff', 'DELETE', `/api/comments/${made.id}`)).status).toBe(204);
    const listed = await thread('granStaff', `/api/projects/${project.id}/comments`);
    expect(listed.find((x) => x.id === made.id)).toMatchObject({ deleted: true, text: '', mentions: [] });
    expect(listed.find((x) => x.id === answer.id)).toMatchObject({ deleted: false, parentId: made.id, text: 'Takk!' });
    const again = await c.call<Refusal>('lunnerStaff', 'PATCH', `/api/comments/${made.id}`, { text: 'Tilbake' });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('COMMENT_DELETED');
    expect(await api.sql(`SELECT action FROM audit_log WHERE entity_id = $1 ORDER BY id`, [made.id])).toEqual([
      { action: 'comment.create' },
      { action: 'comment.update' },
      { action: 'comment.delete' },
    ]);
  });
});

describe('threads on practices and partnerships', () => {
  it('lets anyone’s staff ask a question from the floor on a partnership everyone may read (platform or public), marked fromFloor', async () => {
    const roskilde = (
      await api.row<{ id: string }>(`SELECT id FROM partnerships WHERE visibility IN ('platform', 'public') ORDER BY created_at LIMIT 1`)
    ).id;
    const question = expectStatus(
      201,
      await post('granStaff', `/api/partnerships/${roskilde}/comments`, { text: 'Hvordan organiserer dere tavlemøtene?' }),
    );
    expect(question.fromFloor).toBe(true);
    const answer = expectStatus(
      201,
      await post('roskildeStaff', `/api/partnerships/${roskilde}/comments`, { text: 'Hver morgen kl. 9.', parentId: question.id }),
    );
    expect(answer.fromFloor).toBe(false);
    // In its own partnership Gran asks no question from the floor; outside a members-only one it sees no thread at all.
    const own = expectStatus(201, await post('granStaff', `/api/partnerships/${c.pilot.id}/comments`, { text: 'Møte neste uke?' }));
    expect(own.fromFloor).toBe(false);
    const outsider = await post('roskildeStaff', `/api/partnerships/${c.pilot.id}/comments`, { text: 'Hei' });
    expect(outsider.status).toBe(404);
  });

  it('holds the demo’s question from Roskilde on a platform partnership Roskilde is not part of, answered by a member', async () => {
    const network = await api.row<{ id: string; visibility: string; roskilde_member: boolean }>(
      `SELECT p.id, p.visibility, EXISTS (SELECT 1 FROM partnership_members m JOIN organizations o ON o.id = m.organization_id
                                          WHERE m.partnership_id = p.id AND o.name = 'Roskilde Kommune') AS roskilde_member
       FROM partnerships p WHERE p.name = 'Gevinstnettverket'`,
    );
    expect(network).toMatchObject({ visibility: 'platform', roskilde_member: false });
    // A politician of a third municipality reads it, as anyone signed in may.
    const read = await thread('granPolitician', `/api/partnerships/${network.id}/comments`);
    const question = read.find((x) => x.organization.name === 'Roskilde Kommune');
    expect(question).toMatchObject({ fromFloor: true, parentId: null, author: { name: 'Rasmus Ansat' } });
    expect(question?.text).toContain('gevinsterne synlige for politikerne');
    const answer = read.find((x) => x.parentId === question?.id);
    expect(answer).toMatchObject({ fromFloor: false, organization: { name: 'Vestre Toten kommune' } });
  });

  it('opens every practice’s thread to everyone signed in', async () => {
    const practice = (await api.row<{ id: string }>(`SELECT id FROM practices ORDER BY created_at LIMIT 1`)).id;
    const made = expectStatus(
      201,
      await post('roskildeStaff', `/api/practices/${practice}/comments`, { text: 'Vi vil gjerne prøve dette.' }),
    );
    expect((await thread('granPolitician', `/api/practices/${practice}/comments`)).map((x) => x.id)).toContain(made.id);
  });

  it('lists only people who may see the thread as mentionable', async () => {
    const people = expectStatus(
      200,
      await c.call<{ id: string; name: string }[]>('granStaff', 'GET', `/api/projects/${project.id}/comments/mentionable?q=a`),
    );
    const ids = people.map((p) => p.id);
    expect(ids).toContain(await c.userId('lunnerStaff'));
    expect(ids).not.toContain(await c.userId('roskildeStaff'));
  });
});

describe('follows and notifications', () => {
  it('follows and unfollows (204), and tells followers about new comments', async () => {
    const body = { entityType: 'project', entityId: project.id };
    expect((await c.call('hogskolenStaff', 'PUT', '/api/follows', body)).status).toBe(204);
    expect((await c.call('hogskolenStaff', 'PUT', '/api/follows', body)).status).toBe(204);
    expect(
      expectStatus(200, await c.call<FollowState>('hogskolenStaff', 'GET', `/api/follows?entityType=project&entityId=${project.id}`)),
    ).toEqual({
      following: true,
    });
    const made = expectStatus(201, await onProject('lunnerStaff', { text: 'Nytt fra Lunner.' }));
    expect(await notificationsOf('hogskolenStaff')).toContainEqual({ kind: 'comment', link: `/projects/${project.id}#comment-${made.id}` });
    expect((await c.call('hogskolenStaff', 'DELETE', '/api/follows', body)).status).toBe(204);
    expect(
      await api.sql(`SELECT 1 FROM follows WHERE user_id = $1 AND entity_id = $2`, [await c.userId('hogskolenStaff'), project.id]),
    ).toEqual([]);
    expect((await c.call<Refusal>('roskildeStaff', 'PUT', '/api/follows', body)).status).toBe(404);
    expect((await c.call<Refusal>('granStaff', 'PUT', '/api/follows', { entityType: 'lesson', entityId: project.id })).status).toBe(400);
  });

  it('raises stage notifications for the people of participating organisations', async () => {
    expectStatus(
      201,
      await c.call('lunnerLeader', 'POST', `/api/projects/${project.id}/transitions`, { toStage: 'test', rationale: 'Klar til å teste.' }),
    );
    const list = expectStatus(200, await c.call<NotificationList>('granStaff', 'GET', '/api/notifications?limit=50'));
    const stage = list.items.find((i) => i.kind === 'stage');
    expect(stage).toMatchObject({
      text: '«Tavlemøter i hjemmetjenesten» er flyttet til trinnet Utvikle og teste.',
      link: `/projects/${project.id}`,
      readAt: null,
    });
    // Not the one who moved it.
    expect(await notificationsOf('lunnerLeader')).not.toContainEqual({ kind: 'stage', link: `/projects/${project.id}` });
    expect(await notificationsOf('lunnerStaff')).toContainEqual({ kind: 'stage', link: `/projects/${project.id}` });
  });

  it('lists newest first with the unread count, marks some or all as read', async () => {
    const first = expectStatus(200, await c.call<NotificationList>('granStaff', 'GET', '/api/notifications?unread=true&limit=1'));
    expect(first.items).toHaveLength(1);
    expect(first.unread).toBeGreaterThan(1);
    expect((await c.call('granStaff', 'POST', '/api/notifications/read', { ids: [first.items[0]?.id] })).status).toBe(204);
    const after = expectStatus(200, await c.call<NotificationList>('granStaff', 'GET', '/api/notifications'));
    expect(after.unread).toBe(first.unread - 1);
    expect(after.items.find((i) => i.id === first.items[0]?.id)?.readAt).toEqual(expect.any(String));
    // Someone else's ids are passed over.
    expect((await c.call('lunnerStaff', 'POST', '/api/notifications/read', { all: true })).status).toBe(204);
    expect(expectStatus(200, await c.call<NotificationList>('granStaff', 'GET', '/api/notifications')).unread).toBe(after.unread);
    expect((await c.call('granStaff', 'POST', '/api/notifications/read', { all: true })).status).toBe(204);
    expect(expectStatus(200, await c.call<NotificationList>('granStaff', 'GET', '/api/notifications')).unread).toBe(0);
    for (const body of [{}, { ids: ['x'] }, { all: false }, { ids: [], all: true, extra: 1 }]) {
      expect((await c.call<Refusal>('granStaff', 'POST', '/api/notifications/read', body)).status).toBe(400);
    }
  });
});

describe('settings and the immediate mail of a mention', () => {
  it('reads and changes the settings (weekly digest and both mails by default)', async () => {
    expect(expectStatus(200, await c.call<NotificationSettings>('lunnerLeader', 'GET', '/api/auth/me/settings'))).toEqual({
      digest: 'weekly',
      emailOnMention: true,
      emailOnReply: true,
    });
    expect(
      expectStatus(
        200,
        await c.call<NotificationSettings>('lunnerLeader', 'PATCH', '/api/auth/me/settings', { digest: 'daily', emailOnReply: false }),
      ),
    ).toEqual({
      digest: 'daily',
      emailOnMention: true,
      emailOnReply: false,
    });
    for (const body of [{ digest: 'hourly' }, { emailOnMention: 'yes' }, { emailOnMention: null }, { other: true }]) {
      expect((await c.call<Refusal>('lunnerLeader', 'PATCH', '/api/auth/me/settings', body)).status).toBe(400);
    }
    expect(await api.sql(`SELECT digest, email_on_reply FROM users WHERE id = $1`, [await c.userId('lunnerLeader')])).toEqual([
      { digest: 'daily', email_on_reply: false },
    ]);
  });

  it('mails a mention at once as an .eml file with one-click unsubscribe headers; the link switches that mail off', async () => {
    const lunnerStaff = await c.userId('lunnerStaff');
    expectStatus(201, await onProject('granLeader', { text: 'Lars, kan du vise tavla deres?', mentionIds: [lunnerStaff] }));
    expect(await notificationsOf('lunnerStaff')).toContainEqual(expect.objectContaining({ kind: 'mention' }));
    const mail = await waitForMail(api, DEMO_ACCOUNTS.lunnerStaff, 'Du er nevnt i Samspill');
    expect(mail).toContain('Subject: Du er nevnt i Samspill');
    expect(mail).toMatch(/List-Unsubscribe-Post: List-Unsubscribe=One-Click/);
    const url = /List-Unsubscribe:\s*<([^>]+)>/.exec(mail)?.[1];
    expect(url).toMatch(/\/api\/unsubscribe\?token=/);
    const path = new URL(url as string).pathname + new URL(url as string).search;
    // As a mail client does it (RFC 8058): a form post, no sign-in.
    const done = await request<{ kind: string }>(api.baseUrl, 'POST', path, {
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: undefined,
    });
    expect(done.status).toBe(200);
    expect(done.body).toEqual({ kind: 'mention' });
    expect(await api.sql(`SELECT email_on_mention, email_on_reply, digest FROM users WHERE id = $1`, [lunnerStaff])).toEqual([
      { email_on_mention: false, email_on_reply: true, digest: 'weekly' },
    ]);
  });
});

describe('the stream and the access token', () => {
  it('ends the stream when the token it was opened with expires, so an ended session stops receiving', async () => {
    // A token as the API issues them (same person, session and version), but expiring in two seconds rather than
    // fifteen minutes: the API takes it (its signature is good) and must close the stream at its expiry.
    const claims = claimsOf((await c.session('granStaff')).token);
    const exp = Math.floor(Date.now() / 1000) + 2;
    const stream = await openStream(api.baseUrl, signJwt({ ...claims, exp }));
    await stream.next('ready');
    const endedAt = await Promise.race([
      stream.ended,
      new Promise<never>((_, reject) => setTimeout(() => reject(new Error('the stream outlived its token')), 15_000)),
    ]);
    expect(endedAt).toBeGreaterThanOrEqual(exp * 1000 - 50);
    // Reconnecting with the expired token is refused: the client must renew it.
    await expect(openStream(api.baseUrl, signJwt({ ...claims, exp }))).rejects.toThrow('the stream answered 401');
  });
});

describe('live notifications across two API processes', () => {
  let other: ApiProcess;
  beforeAll(async () => {
    other = await spawnApi({ DATABASE_URL: api.databaseUrl, JOBS: 'false' });
  });
  afterAll(async () => {
    await other?.stop();
  });

  it('delivers a notification raised through process B to a stream open on process A within two seconds', async () => {
    const stream = await openStream(api.baseUrl, (await c.session('lunnerStaff')).token);
    try {
      const ready = await stream.next('ready');
      expect(ready.data).toEqual({ unread: expect.any(Number) });
      const started = Date.now();
      const made = await request<Comment>(other.baseUrl, 'POST', `/api/projects/${project.id}/comments`, {
        token: (await c.session('granStaff')).token,
        body: { text: 'Lars, se her!', mentionIds: [await c.userId('lunnerStaff')] },
      });
      expect(made.status).toBe(201);
      const event = await stream.next('notification', 2_000);
      expect(Date.now() - started).toBeLessThan(2_000);
      expect(event.data).toMatchObject({
        item: {
          kind: 'mention',
          text: 'Gunnar Ansatt nevnte deg i «Tavlemøter i hjemmetjenesten».',
          link: `/projects/${project.id}#comment-${made.body.id}`,
        },
        unread: ready.data.unread + 1,
      });
    } finally {
      stream.close();
    }
  });

  it('answers the stream as text/event-stream, and 401 without a token', async () => {
    const stream = await openStream(api.baseUrl, (await c.session('granStaff')).token);
    expect(stream.contentType).toBe('text/event-stream; charset=utf-8');
    stream.close();
    expect((await request(api.baseUrl, 'GET', '/api/notifications/stream')).status).toBe(401);
  });
});

async function waitForMail(on: TestApi, to: string, subject: string): Promise<string> {
  const dir = join(on.dataDir, 'mail');
  const deadline = Date.now() + 20_000;
  for (;;) {
    let files: string[] = [];
    try {
      files = readdirSync(dir);
    } catch {
      // not written yet
    }
    for (const file of files) {
      const text = readFileSync(join(dir, file), 'utf8');
      const head = text.split('\r\n\r\n')[0] ?? '';
      if (head.includes(`To: ${to}`) && head.includes(`Subject: ${subject}`)) return text;
    }
    if (Date.now() > deadline) throw new Error(`no mail to ${to} in ${dir}: ${files.join(', ')}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
