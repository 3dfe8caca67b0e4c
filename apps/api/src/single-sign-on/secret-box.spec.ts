import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadSecretKey, SECRET_KEY_FILE, SecretBox } from './secret-box';

describe('SecretBox', () => {
  const box = SecretBox.fromKey(randomBytes(32));

  it('opens what it sealed, and the sealed text shows nothing of it', () => {
    const sealed = box.seal('klienthemmelighet', 'client-secret:gran');
    expect(sealed).toMatch(/^v1\.[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(sealed).not.toContain('klienthemmelighet');
    expect(box.open(sealed, 'client-secret:gran')).toBe('klienthemmelighet');
  });

  it('seals the same text differently each time', () => {
    expect(box.seal('x', 'p')).not.toBe(box.seal('x', 'p'));
  });

  it('refuses a changed value, another purpose and another key', () => {
    const sealed = box.seal('klienthemmelighet', 'client-secret:gran');
    const parts = sealed.split('.');
    const last = parts[3] ?? '';
    const flipped = [...parts.slice(0, 3), (last[0] === 'A' ? 'B' : 'A') + last.slice(1)].join('.');
    expect(() => box.open(flipped, 'client-secret:gran')).toThrow();
    expect(() => box.open(sealed, 'client-secret:lunner')).toThrow();
    expect(() => SecretBox.fromKey(randomBytes(32)).open(sealed, 'client-secret:gran')).toThrow();
    expect(() => box.open('klartekst', 'client-secret:gran')).toThrow('not a sealed value');
  });

  it('takes only 32-byte keys', () => {
    expect(() => SecretBox.fromKey(randomBytes(16))).toThrow('32 bytes');
  });
});

describe('loadSecretKey', () => {
  it('uses the environment when set', async () => {
    const key = randomBytes(32);
    await expect(loadSecretKey(key.toString('base64'), '/nonexistent')).resolves.toEqual(key);
  });

  it('otherwise makes one key in the data folder, readable by its owner only, and keeps it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'samspill-key-'));
    const [first, second] = await Promise.all([loadSecretKey(null, dir), loadSecretKey(null, dir)]);
    expect(first).toHaveLength(32);
    expect(second).toEqual(first);
    await expect(loadSecretKey(null, dir)).resolves.toEqual(first);
    expect((await stat(join(dir, SECRET_KEY_FILE))).mode & 0o777).toBe(0o600);
    expect(Buffer.from((await readFile(join(dir, SECRET_KEY_FILE), 'utf8')).trim(), 'base64')).toEqual(first);
  });
});
