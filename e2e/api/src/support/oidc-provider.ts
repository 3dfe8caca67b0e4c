import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { WORKSPACE } from './api-server';

export interface TestAccount {
  email: string;
  name: string;
  email_verified?: boolean;
}

export interface TestClient {
  client_id: string;
  client_secret: string;
  redirect_uris: string[];
  post_logout_redirect_uris?: string[];
}

export interface TestProvider {
  issuer: string;
  stop(): Promise<void>;
}

/**
 * A real OpenID Connect provider (oidc-provider, tools/oidc-test-provider.mjs) in a process of its own, on a free
 * port of localhost. `clockOffsetSeconds` moves its clock, so that its ID tokens are already expired.
 */
export function startTestProvider(settings: {
  clients: TestClient[];
  accounts: TestAccount[];
  clockOffsetSeconds?: number;
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
      const { issuer } = JSON.parse(line) as { issuer: string };
      resolve({
        issuer,
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

/**
 * A browser as far as redirects and cookies go: real HTTP, redirects followed by hand, one cookie jar per host
 * (expiry ignored: a provider whose clock is moved stamps its cookies with it).
 */
export class TestBrowser {
  private readonly jar = new Map<string, Map<string, string>>();

  cookies(url: string): Map<string, string> {
    const host = new URL(url).host;
    let cookies = this.jar.get(host);
    if (!cookies) this.jar.set(host, (cookies = new Map()));
    return cookies;
  }

  async send(url: string, init: { method?: string; form?: Record<string, string>; json?: unknown } = {}): Promise<Response> {
    const cookies = this.cookies(url);
    const headers: Record<string, string> = {};
    if (cookies.size > 0) headers['cookie'] = [...cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    let body: string | undefined;
    if (init.form) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      body = new URLSearchParams(init.form).toString();
    } else if (init.json !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(init.json);
    }
    const response = await fetch(url, { method: init.method ?? (body ? 'POST' : 'GET'), headers, body, redirect: 'manual' });
    for (const setCookie of response.headers.getSetCookie()) {
      const [pair = ''] = setCookie.split(';');
      const at = pair.indexOf('=');
      const name = pair.slice(0, at).trim();
      const value = pair.slice(at + 1).trim();
      if (value === '' || /max-age=0/i.test(setCookie)) cookies.delete(name);
      else cookies.set(name, value);
    }
    return response;
  }

  /**
   * Follows the provider's redirects and posts its login form as `login`, until the provider sends the browser to
   * `stopAt` (Samspill's callback); returns that address without visiting it.
   */
  async throughProvider(start: string, login: string, stopAt: string): Promise<string> {
    let url = start;
    for (let step = 0; step < 15; step++) {
      if (url.startsWith(stopAt)) return url;
      const response = await this.send(url);
      if (response.status >= 300 && response.status < 400) {
        url = new URL(response.headers.get('location') ?? '', url).href;
        continue;
      }
      const html = await response.text();
      const action = html.includes('name="prompt" value="login"') ? /<form[^>]*action="([^"]+)"/.exec(html)?.[1] : undefined;
      if (response.status !== 200 || !action) throw new Error(`unexpected page at ${url}: ${response.status} ${html.slice(0, 300)}`);
      const posted = await this.send(new URL(action, url).href, { form: { prompt: 'login', login, password: 'any-password' } });
      url = new URL(posted.headers.get('location') ?? '', url).href;
    }
    throw new Error(`the provider never sent the browser to ${stopAt}`);
  }
}
