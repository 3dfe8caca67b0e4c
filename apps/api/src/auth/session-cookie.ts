import { type AuthResponse, REFRESH_COOKIE } from '@samspill/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppConfig } from '../config/configuration';
import type { IssuedSession } from './auth.service';

export const COOKIE_PATH = '/api/auth';
export const CLEAR_COOKIE = { path: COOKIE_PATH, httpOnly: true, sameSite: 'strict' } as const;

/** Hands a new session to the browser: the refresh token as an HttpOnly cookie, the access token in the body. */
export function sendSession(config: AppConfig, request: FastifyRequest, reply: FastifyReply, session: IssuedSession): AuthResponse {
  const secure = config.cookieSecure === 'auto' ? request.protocol === 'https' : config.cookieSecure;
  reply.setCookie(REFRESH_COOKIE, session.refreshToken, {
    httpOnly: true,
    sameSite: 'strict',
    secure,
    path: COOKIE_PATH,
    maxAge: session.refreshMaxAgeSeconds,
  });
  reply.header('cache-control', 'no-store');
  return session.response;
}

/** The device a session was started on, as the list of sessions shows it. */
export function deviceOf(request: FastifyRequest): { ip: string; userAgent: string | null } {
  return { ip: request.ip, userAgent: request.headers['user-agent']?.slice(0, 300) ?? null };
}
