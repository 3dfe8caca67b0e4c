import { SetMetadata } from '@nestjs/common';
import { AsyncLocalStorage } from 'node:async_hooks';

export const READS_MAY_LAG = 'samspill:reads-may-lag';

/**
 * Marks a read route (or a controller of read routes) whose answer may come
 * from a streaming replica a moment behind the primary: lists, dashboards,
 * the project page. Its service reads through `Database.reader()`. A person
 * who has just written still reads from the primary until a replica has
 * replayed that write (see ReadRoutingInterceptor), so no one misses their
 * own change. Routes without it, and every write, read from the primary.
 */
export const ReadsMayLag = () => SetMetadata(READS_MAY_LAG, true);

/** What the current request allows: set by ReadRoutingInterceptor, read by Database.reader(). */
export interface ReadContext {
  mayLag: boolean;
  /** The person's last write (a WAL position on the primary); a replica must have replayed it. */
  after: bigint | null;
  /** Where the reads went, for the test aid header x-read-from. */
  readFrom?: string;
}

export const readContext = new AsyncLocalStorage<ReadContext>();

const LSN = /^([0-9A-F]{1,8})\/([0-9A-F]{1,8})$/i;

/** PostgreSQL's text form of a WAL position ("16/B374D848") as a number; null when it is not one. */
export function parseLsn(text: string | null | undefined): bigint | null {
  const match = text ? LSN.exec(text) : null;
  if (!match) return null;
  return (BigInt(`0x${match[1]}`) << 32n) + BigInt(`0x${match[2]}`);
}

export function formatLsn(lsn: bigint): string {
  return `${(lsn >> 32n).toString(16).toUpperCase()}/${(lsn & 0xffffffffn).toString(16).toUpperCase()}`;
}
