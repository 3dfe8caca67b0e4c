import { hash, verify } from '@node-rs/argon2';

// argon2id at OWASP's recommended minimum: m=19 MiB, t=2, p=1.
// (Algorithm.Argon2id is a const enum in the typings; 2 is its value.)
const OPTIONS = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;
/** Spends the same time as a real check, so an unknown email cannot be told apart by timing. */
export async function burnPasswordCheck(password: string): Promise<void> {
  dummyHash ??= hashPassword('samspill-timing-equaliser');
  await verifyPassword(await dummyHash, password);
}
