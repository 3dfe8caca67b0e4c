import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * AES-256-GCM for the few secrets Samspill must be able to read back (an
 * identity provider's client secret, the ID token kept as a logout hint).
 * Stored as `v1.<iv>.<tag>.<ciphertext>` in base64url; the purpose is bound
 * in as additional data, so a value cannot be moved to another column or row.
 */
export class SecretBox {
  private constructor(private readonly key: Buffer) {}

  static fromKey(key: Buffer): SecretBox {
    if (key.length !== 32) throw new Error('the secret key must be 32 bytes');
    return new SecretBox(key);
  }

  seal(plaintext: string, purpose: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    cipher.setAAD(Buffer.from(purpose, 'utf8'));
    const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return ['v1', iv, cipher.getAuthTag(), ciphertext].map((p) => (typeof p === 'string' ? p : p.toString('base64url'))).join('.');
  }

  /** Throws when the value was tampered with, sealed for another purpose or with another key. */
  open(sealed: string, purpose: string): string {
    const [version, iv, tag, ciphertext] = sealed.split('.');
    if (version !== 'v1' || iv === undefined || tag === undefined || ciphertext === undefined) throw new Error('not a sealed value');
    const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(iv, 'base64url'));
    decipher.setAAD(Buffer.from(purpose, 'utf8'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString('utf8');
  }
}

/** The key's file in DATA_DIR when OIDC_SECRET_KEY is not set. */
export const SECRET_KEY_FILE = 'oidc-secret-key';

/**
 * OIDC_SECRET_KEY (32 bytes, base64) when set; otherwise a key generated once
 * into DATA_DIR and read from there afterwards. Processes started together
 * race to create it: the first write wins (`wx`), the others read it.
 */
export async function loadSecretKey(fromEnvironment: string | null, dataDir: string): Promise<Buffer> {
  if (fromEnvironment) return Buffer.from(fromEnvironment, 'base64');
  const file = join(dataDir, SECRET_KEY_FILE);
  await mkdir(dataDir, { recursive: true });
  try {
    await writeFile(file, randomBytes(32).toString('base64'), { mode: 0o600, flag: 'wx' });
    await chmod(file, 0o600);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  const key = Buffer.from((await readFile(file, 'utf8')).trim(), 'base64');
  if (key.length !== 32) throw new Error(`${file} must hold 32 bytes in base64; remove it to have a new one made`);
  return key;
}
