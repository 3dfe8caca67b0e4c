import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';

/** A validator for a response body: the same body, the same tag. */
export function etagOf(body: string | Buffer): string {
  return `W/"${createHash('sha1').update(body).digest('base64url')}"`;
}

/**
 * Conditional GET for every JSON answer: each carries an ETag (one the
 * handler set, e.g. a dashboard's, computed once per data version, or else a
 * hash of the body), and a client that sends it back in If-None-Match gets
 * 304 with no body while nothing changed. Streams (CSV, files) are left alone.
 * Registered before compression, so the tag is the uncompressed body's.
 */
export function registerConditionalGet(fastify: FastifyInstance): void {
  fastify.addHook('onSend', async (request, reply, payload) => {
    if ((request.method !== 'GET' && request.method !== 'HEAD') || reply.statusCode !== 200) return payload;
    if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return payload;
    let etag = reply.getHeader('etag');
    if (typeof etag !== 'string') {
      etag = etagOf(payload);
      void reply.header('etag', etag);
    }
    // Personal answers: a browser may keep them, but asks each time whether they still hold.
    if (!reply.hasHeader('cache-control')) void reply.header('cache-control', 'private, no-cache');
    const asked = request.headers['if-none-match'];
    if (asked && asked.split(',').some((tag) => tag.trim() === etag)) {
      void reply.code(304);
      return '';
    }
    return payload;
  });
}

/** Angular's output names carry a content hash (main-3ZKXQ7PA.js): such a file never changes, so it may be kept a year. */
const HASHED_FILE = /-[A-Z0-9]{8}\.[a-z0-9]+$/;

export function staticCacheControl(path: string): string {
  return HASHED_FILE.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache';
}
