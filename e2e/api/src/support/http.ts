import type { AuthResponse } from '@samspill/contracts';
import { DEMO_PASSWORD } from '@samspill/testing';

export interface HttpResult<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
}

export interface RequestOptions {
  token?: string;
  body?: unknown;
  cookie?: string;
  headers?: Record<string, string>;
}

/**
 * A real HTTP request to a running API; nothing mocked. It asks for English (the API's default is bokmål)
 * unless the caller names a language.
 */
export async function request<T = unknown>(
  baseUrl: string,
  method: string,
  path: string,
  options: RequestOptions = {},
): Promise<HttpResult<T>> {
  const headers: Record<string, string> = { ...options.headers };
  if (!Object.keys(headers).some((name) => name.toLowerCase() === 'accept-language')) headers['accept-language'] = 'en';
  if (options.token) headers['authorization'] = `Bearer ${options.token}`;
  if (options.cookie) headers['cookie'] = options.cookie;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const text = await response.text();
  let body: unknown = text;
  if (response.headers.get('content-type')?.includes('application/json') && text) body = JSON.parse(text);
  return { status: response.status, body: body as T, headers: response.headers };
}

export interface Session {
  token: string;
  /** `samspill_refresh=<value>`, ready for a Cookie header. */
  cookie: string;
  refreshToken: string;
  auth: AuthResponse;
}

export function refreshCookieOf(headers: Headers): { cookie: string; value: string; attributes: string } | null {
  const setCookie = headers.getSetCookie().find((c) => c.startsWith('samspill_refresh='));
  if (!setCookie) return null;
  const [pair = '', ...attributes] = setCookie.split(';');
  return { cookie: pair.trim(), value: pair.split('=')[1] ?? '', attributes: attributes.join(';') };
}

export async function login(baseUrl: string, email: string, password = DEMO_PASSWORD): Promise<Session> {
  const result = await request<AuthResponse>(baseUrl, 'POST', '/api/auth/login', { body: { email, password } });
  if (result.status !== 200) throw new Error(`login as ${email} failed: ${result.status} ${JSON.stringify(result.body)}`);
  const cookie = refreshCookieOf(result.headers);
  if (!cookie) throw new Error('login set no refresh cookie');
  return { token: result.body.accessToken, cookie: cookie.cookie, refreshToken: cookie.value, auth: result.body };
}
