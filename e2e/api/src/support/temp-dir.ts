import { chmod, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A temporary folder the `postgres` user can reach (mkdtemp makes it mode
 * 700). Run as root, the embedded PostgreSQL would otherwise keep its
 * cluster outside the folder, in /var/tmp, where removing the folder would
 * not remove it.
 */
export async function reachableTempDir(prefix: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  await chmod(dir, 0o755);
  return dir;
}
