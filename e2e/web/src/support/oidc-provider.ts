import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';

const WORKSPACE = join(__dirname, '../../../..');

export interface TestProvider {
  issuer: string;
  stop(): Promise<void>;
}

/**
 * A real OpenID Connect provider (oidc-provider with its development login page, tools/oidc-test-provider.mjs)
 * in a process of its own on a free port of localhost, for the browser to sign in at.
 */
export function startTestProvider(settings: {
  clients: { client_id: string; client_secret: string; redirect_uris: string[]; post_logout_redirect_uris: string[] }[];
  accounts: { email: string; name: string; email_verified?: boolean }[];
}): Promise<TestProvider> {
  const child: ChildProcess = spawn(process.execPath, [join(WORKSPACE, 'tools/oidc-test-provider.mjs')], {
    cwd: WORKSPACE,
    env: { PATH: process.env['PATH'] ?? '', OIDC_TEST_PROVIDER: JSON.stringify(settings) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the test provider did not start:\n${output}`)), 15_000);
    child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
    child.on('exit', (code) => reject(new Error(`the test provider exited with ${code}:\n${output}`)));
    child.stdout?.on('data', (d: Buffer) => {
      output += d.toString();
      const line = output.split('\n').find((l) => l.startsWith('{"issuer"'));
      if (!line) return;
      clearTimeout(timer);
      resolve({
        issuer: (JSON.parse(line) as { issuer: string }).issuer,
        stop: () =>
          new Promise<void>((done) => {
            if (child.exitCode !== null) return done();
            child.removeAllListeners('exit');
            child.once('exit', () => done());
            child.kill('SIGTERM');
          }),
      });
    });
  });
}
