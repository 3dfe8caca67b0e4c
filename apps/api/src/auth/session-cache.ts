import type { AuthenticatedUser } from './authenticated-user';
import type { AccessTokenPayload } from './tokens';

/** Where PostgreSQL announces changes to what the token check reads: a person's id, or `*` for everyone. */
export const SESSION_CHANNEL = 'samspill_sessions';

interface Entry {
  user: AuthenticatedUser;
  storedAt: number;
}

/**
 * What the per-request token check read (the person, their organisation, that the session is open), kept by
 * one API process for reads. On this machine the check's round trip to PostgreSQL was a third of a cached
 * dashboard's cost and half of a project page's (bench/RESULTS.md).
 *
 * It is kept only while changes are heard: PostgreSQL announces every change to what the check reads, from any
 * process or script (migration SessionNotices1796100000005), and `forget()` drops the person's entries at once.
 * While the announcements are not heard (`live` false: no listening connection yet, or it dropped), nothing is
 * kept. A lookup that began before an announcement does not store what it read (`generation`), and `maxAgeMs`
 * bounds an entry's age whatever happens. Writes and the session's own routes never use it.
 */
export class SessionCache {
  private readonly entries = new Map<string, Entry>();
  private readonly keysOf = new Map<string, Set<string>>();
  private live = false;
  private generation = 0;

  constructor(
    private readonly maxAgeMs: number,
    private readonly maxEntries = 10_000,
    private readonly now: () => number = Date.now,
  ) {}

  get enabled(): boolean {
    return this.maxAgeMs > 0;
  }

  /** Whether changes are heard now; either way, what was kept goes. */
  setLive(live: boolean): void {
    this.live = live;
    this.clear();
  }

  /** The kept check for these claims, or what `load` reads (kept if nothing changed meanwhile). */
  async get(key: AccessTokenPayload, load: () => Promise<AuthenticatedUser | null>): Promise<AuthenticatedUser | null> {
    if (!this.enabled || !this.live) return load();
    const id = keyOf(key);
    const entry = this.entries.get(id);
    if (entry && this.now() - entry.storedAt < this.maxAgeMs) return copyOf(entry.user);
    const generation = this.generation;
    const user = await load();
    if (user && this.live && generation === this.generation) this.store(id, key.sub, user);
    return user;
  }

  /** A change to this person (or, for `*`, to anyone): their kept checks go, and lookups under way keep nothing. */
  forget(userId: string): void {
    this.generation++;
    if (userId === '*') return this.clear();
    for (const id of this.keysOf.get(userId) ?? []) this.entries.delete(id);
    this.keysOf.delete(userId);
  }

  /** Entries kept (for tests). */
  get size(): number {
    return this.entries.size;
  }

  private store(id: string, userId: string, user: AuthenticatedUser): void {
    this.entries.delete(id);
    if (this.entries.size >= this.maxEntries) {
      const [oldest, entry] = this.entries.entries().next().value as [string, Entry];
      this.entries.delete(oldest);
      const keys = this.keysOf.get(entry.user.id);
      keys?.delete(oldest);
      if (keys?.size === 0) this.keysOf.delete(entry.user.id);
    }
    this.entries.set(id, { user: copyOf(user), storedAt: this.now() });
    let keys = this.keysOf.get(userId);
    if (!keys) this.keysOf.set(userId, (keys = new Set()));
    keys.add(id);
  }

  private clear(): void {
    this.generation++;
    this.entries.clear();
    this.keysOf.clear();
  }
}

function keyOf(key: AccessTokenPayload): string {
  return `${key.sub}:${key.tv}:${key.sid}`;
}

/** Requests get their own copy: nothing one request does to its user reaches the next. */
function copyOf(user: AuthenticatedUser): AuthenticatedUser {
  return { ...user, organization: user.organization ? { ...user.organization } : null };
}
