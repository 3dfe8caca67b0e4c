import type { FastifyRequest } from 'fastify';
import type { AppConfig } from '../config/configuration';

/**
 * The origin the person's browser uses: PUBLIC_URL when set (behind a proxy
 * that rewrites the address), otherwise the request's own protocol and host
 * (X-Forwarded-* only with TRUST_PROXY). A forged Host gives a redirect URI
 * the provider has not registered, so the provider refuses it.
 */
export function originOf(request: FastifyRequest, config: AppConfig): string {
  if (config.publicUrlFromEnvironment) return new URL(config.publicUrl).origin;
  return `${request.protocol}://${request.host}`;
}
