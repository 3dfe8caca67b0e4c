import type { AuthenticatedUser } from './authenticated-user';
import { SessionCache } from './session-cache';

const KARI = '11111111-1111-4111-8111-111111111111';
const OLA = '22222222-2222-4222-8222-222222222222';
const claims = (sub: string, tv = 0, sid = 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa') => ({ sub, tv, sid });
const person = (id: string, name = 'Kari Nordmann'): AuthenticatedUser => ({
  id,
  email: `${id}@gran.kommune.no`,
  name,
  role: 'staff',
  organization: { id: 'org', name: 'Gran kommune', kind: 'municipality' },
  locale: 'nb',
  tokenVersion: 0,
  sessionId: 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa',
});

/** A cache on a clock the test moves, and a counter of the database reads it asks for. */
function setUp(maxAgeMs = 30_000, maxEntries = 100) {
  let now = 0;
  const cache = new SessionCache(maxAgeMs, maxEntries, () => now);
  const reads = { n: 0 };
  const read = (user: AuthenticatedUser | null) => async () => {
    reads.n++;
    return user;
  };
  return { cache, reads, read, advance: (ms: number) => (now += ms) };
}

describe('SessionCache', () => {
  it('reads the database every time until changes are heard, then keeps a check for its maximum age', async () => {
    const { cache, reads, read, advance } = setUp();
    await cache.get(claims(KARI), read(person(KARI)));
    await cache.get(claims(KARI), read(person(KARI)));
    expect(reads.n).toBe(2);

    cache.setLive(true);
    await cache.get(claims(KARI), read(person(KARI)));
    await expect(cache.get(claims(KARI), read(null))).resolves.toMatchObject({ id: KARI, name: 'Kari Nordmann' });
    expect(reads.n).toBe(3);
    advance(30_000);
    await expect(cache.get(claims(KARI), read(null))).resolves.toBeNull();
    expect(reads.n).toBe(4);
  });

  it('keeps nothing once changes are no longer heard, and nothing that was refused', async () => {
    const { cache, reads, read } = setUp();
    cache.setLive(true);
    await cache.get(claims(KARI), read(person(KARI)));
    cache.setLive(false);
    expect(cache.size).toBe(0);
    await cache.get(claims(KARI), read(person(KARI)));
    expect(cache.size).toBe(0);

    cache.setLive(true);
    await cache.get(claims(OLA), read(null));
    await cache.get(claims(OLA), read(null));
    expect(reads.n).toBe(4);
  });

  it('forgets one person’s checks, every session and token version of theirs, and only theirs', async () => {
    const { cache, reads, read } = setUp();
    cache.setLive(true);
    await cache.get(claims(KARI, 0), read(person(KARI)));
    await cache.get(claims(KARI, 1, 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb'), read(person(KARI)));
    await cache.get(claims(OLA), read(person(OLA, 'Ola')));
    cache.forget(KARI);
    expect(cache.size).toBe(1);
    await cache.get(claims(OLA), read(null));
    expect(reads.n).toBe(3);
    cache.forget('*');
    expect(cache.size).toBe(0);
  });

  it('does not keep what a lookup read if a change was announced while it was under way', async () => {
    const { cache, reads } = setUp();
    cache.setLive(true);
    let finish: (user: AuthenticatedUser) => void = () => undefined;
    const slow = cache.get(claims(KARI), () => {
      reads.n++;
      return new Promise<AuthenticatedUser>((resolve) => (finish = resolve));
    });
    cache.forget(OLA);
    finish(person(KARI, 'Before the change'));
    await expect(slow).resolves.toMatchObject({ name: 'Before the change' });
    expect(cache.size).toBe(0);
  });

  it('holds at most maxEntries checks, letting the oldest go', async () => {
    const { cache, read } = setUp(30_000, 2);
    cache.setLive(true);
    const ids = [KARI, OLA, '33333333-3333-4333-8333-333333333333'];
    for (const id of ids) await cache.get(claims(id), read(person(id)));
    expect(cache.size).toBe(2);
    cache.forget(OLA);
    expect(cache.size).toBe(1);
  });

  it('gives each request its own copy of the person', async () => {
    const { cache, read } = setUp();
    cache.setLive(true);
    const first = (await cache.get(claims(KARI), read(person(KARI)))) as AuthenticatedUser;
    first.name = 'Changed by a request';
    (first.organization as { name: string }).name = 'Changed too';
    await expect(cache.get(claims(KARI), read(null))).resolves.toMatchObject({
      name: 'Kari Nordmann',
      organization: { name: 'Gran kommune' },
    });
  });

  it('is off with a maximum age of 0', async () => {
    const { cache, reads, read } = setUp(0);
    cache.setLive(true);
    await cache.get(claims(KARI), read(person(KARI)));
    await cache.get(claims(KARI), read(person(KARI)));
    expect(reads.n).toBe(2);
    expect(cache.enabled).toBe(false);
  });
});
