import type { FastifyInstance, FastifyReply } from 'fastify';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/** Smaller answers go as they are: compressing them saves less than it costs. */
export const COMPRESSION_THRESHOLD = 1024;

/** Brotli at a quality that stays cheap per request (as @fastify/compress has it); gzip at zlib's default level. */
const BROTLI = { params: { [constants.BROTLI_PARAM_QUALITY]: 4 } };

/** The types @fastify/compress compresses by default (never text/event-stream). */
const COMPRESSIBLE = /^text\/(?!event-stream)|(?:\+|\/)json(?:;|$)|(?:\+|\/)text(?:;|$)|(?:\+|\/)xml(?:;|$)|octet-stream(?:;|$)/u;

type Encoding = 'br' | 'gzip';
const PREFERENCE: readonly Encoding[] = ['br', 'gzip'];

/**
 * The encoding to answer in: the one the client weighs highest (q), brotli
 * before gzip at equal weight; `*` and `x-gzip` count as gzip, as
 * @fastify/compress has it. Null for identity. Clients send few distinct
 * headers, so answers are kept.
 */
export function negotiateEncoding(header: string | undefined): Encoding | null {
  if (!header) return null;
  let known = negotiated.get(header);
  if (known === undefined) {
    known = negotiate(header);
    if (negotiated.size >= 100) negotiated.clear();
    negotiated.set(header, known);
  }
  return known;
}

const negotiated = new Map<string, Encoding | null>();

function negotiate(header: string): Encoding | null {
  let best: Encoding | null = null;
  let bestQuality = 0;
  for (const part of header.toLowerCase().split(',')) {
    const [rawToken = '', ...parameters] = part.split(';');
    let token = rawToken.trim();
    if (token === '*' || token === 'x-gzip') token = 'gzip';
    if (token !== 'br' && token !== 'gzip') continue;
    let quality = 1;
    for (const parameter of parameters) {
      const [name, value] = parameter.split('=').map((s) => s.trim());
      if (name === 'q') quality = Number.parseFloat(value ?? '') || 0;
    }
    if (quality <= 0) continue;
    if (quality > bestQuality || (quality === bestQuality && best !== null && PREFERENCE.indexOf(token) < PREFERENCE.indexOf(best))) {
      best = token;
      bestQuality = quality;
    }
  }
  return best;
}

function isGzipOrDeflate(body: Buffer): boolean {
  return (
    body.length >= 2 &&
    ((body[0] === 0x1f && body[1] === 0x8b) || (body[0] === 0x78 && [0x01, 0x5e, 0x9c, 0xda].includes(body[1] as number)))
  );
}

/**
 * Bodies that go out again and again, unchanged (a cached dashboard, sent
 * pre-serialised): their compressed forms are kept, keyed by the body
 * itself, so one is compressed once per encoding, not once per request.
 */
const reused = new WeakSet<FastifyReply>();
const kept = new Map<string, Partial<Record<Encoding, Buffer>>>();
const KEPT_BODIES = 64;
const KEPT_BODY_MAX_LENGTH = 512 * 1024;

/** Marks this answer's body as one that repeats (see `kept`). */
export function keepCompressed(reply: FastifyReply): FastifyReply {
  reused.add(reply);
  return reply;
}

function compress(body: string | Buffer, encoding: Encoding): Buffer {
  return encoding === 'br' ? brotliCompressSync(body, BROTLI) : gzipSync(body);
}

function compressKept(body: string, encoding: Encoding): Buffer {
  let forms = kept.get(body);
  if (forms) {
    // Most recently used last: the first key is the one to let go.
    kept.delete(body);
  } else {
    forms = {};
    if (kept.size >= KEPT_BODIES) kept.delete(kept.keys().next().value as string);
  }
  kept.set(body, forms);
  return (forms[encoding] ??= compress(body, encoding));
}

/**
 * Answers already in memory (JSON, almost every answer) are compressed in
 * one go and leave in one write with a Content-Length, instead of through a
 * compression stream and chunked writes. Registered after the conditional
 * GET hook, so ETags and 304s are still worked out on the plain body.
 * Streams (the web app's files, CSV) are left to @fastify/compress, which
 * sees the Content-Encoding set here and lets such answers pass.
 */
export function registerBufferedCompression(fastify: FastifyInstance): void {
  fastify.addHook('onSend', (request, reply, payload, done) => {
    if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return done(null, payload);
    if (Buffer.byteLength(payload) < COMPRESSION_THRESHOLD || reply.hasHeader('content-encoding')) return done(null, payload);
    if (request.headers['x-no-compression'] !== undefined) return done(null, payload);
    const type = reply.getHeader('content-type');
    if (!COMPRESSIBLE.test(typeof type === 'string' ? type : 'application/json')) return done(null, payload);
    if (Buffer.isBuffer(payload) && isGzipOrDeflate(payload)) return done(null, payload);
    const encoding = negotiateEncoding(request.headers['accept-encoding']);
    if (encoding === null) return done(null, payload);
    const vary = reply.getHeader('vary');
    if (vary === undefined) void reply.header('vary', 'accept-encoding');
    else if (!String(vary).toLowerCase().includes('accept-encoding')) void reply.header('vary', `${String(vary)}, accept-encoding`);
    void reply.header('content-encoding', encoding).removeHeader('content-length');
    const keep = typeof payload === 'string' && payload.length <= KEPT_BODY_MAX_LENGTH && reused.has(reply);
    done(null, keep ? compressKept(payload, encoding) : compress(payload, encoding));
  });
}
