import { readdirSync, readFileSync } from 'node:fs';

/** The process and every descendant of it, read from /proc (a PostgreSQL server is its postmaster and the backends it forked). */
export function processTree(root: number): number[] {
  const parentOf = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // "pid (comm) state ppid …": comm may hold spaces and parentheses, so read after the last ")".
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      parentOf.set(Number(entry), ppid);
    } catch {
      // the process ended while we looked
    }
  }
  const tree = [root];
  for (let i = 0; i < tree.length; i++) {
    for (const [pid, ppid] of parentOf) if (ppid === tree[i]) tree.push(pid);
  }
  return tree;
}

/**
 * Freezes a PostgreSQL server as a hung machine would: SIGSTOP to the
 * postmaster and every backend. Returns the thaw (SIGCONT to the same
 * processes), which must always run before the server is stopped.
 */
export function freeze(postmasterPid: number): () => void {
  const frozen = processTree(postmasterPid);
  for (const pid of frozen) signal(pid, 'SIGSTOP');
  let thawed = false;
  return () => {
    if (thawed) return;
    thawed = true;
    for (const pid of frozen) signal(pid, 'SIGCONT');
  };
}

function signal(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(pid, name);
  } catch {
    // already gone
  }
}

/** Resolves after `ms`: only for the length of an outage, which is what the test is about. */
export const outageLasting = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
