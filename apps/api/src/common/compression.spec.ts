import Fastify from 'fastify';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { registerConditionalGet } from './http-caching';
import { COMPRESSION_THRESHOLD, keepCompressed, negotiateEncoding, registerBufferedCompression } from './compression';

describe('negotiateEncoding', () => {
  it.each([
    ['br, gzip', 'br'],
    ['gzip, deflate, br, zstd', 'br'],
    ['gzip', 'gzip'],
    ['x-gzip', 'gzip'],
    ['*', 'gzip'],
    ['br;q=0.5, gzip', 'gzip'],
    ['br;q=0, gzip;q=0', null],
    ['identity', null],
    ['deflate', null],
    ['', null],
    [undefined, null],
  ])('%s → %s', (header, expected) => {
    expect(negotiateEncoding(header)).toBe(expected);
  });
});

describe('registerBufferedCompression', () => {
  const big = { items: Array.from({ length: 100 }, (_, i) => ({ id: i, name: `item ${i}` })) };
  const app = Fastify();
  registerConditionalGet(app);
  registerBufferedCompression(app);
  app.get('/big', async () => big);
  const serialised = JSON.stringify({ ...big, kept: true });
  app.get('/kept', async (_request, reply) => {
    keepCompressed(reply).type('application/json; charset=utf-8');
    return serialised;
  });
  app.get('/small', async () => ({ ok: true }));
  app.get('/pdf', async (_request, reply) => reply.type('application/pdf').send(Buffer.alloc(COMPRESSION_THRESHOLD * 2)));
  afterAll(() => app.close());

  it('compresses a JSON answer in one piece, with its length, brotli first', async () => {
    const response = await app.inject({ url: '/big', headers: { 'accept-encoding': 'gzip, br' } });
    expect(response.headers['content-encoding']).toBe('br');
    expect(response.headers['vary']).toBe('accept-encoding');
    expect(response.headers['transfer-encoding']).toBeUndefined();
    expect(Number(response.headers['content-length'])).toBe(response.rawPayload.length);
    expect(JSON.parse(brotliDecompressSync(response.rawPayload).toString())).toEqual(big);
  });

  it('answers gzip to a client that takes only gzip', async () => {
    const response = await app.inject({ url: '/big', headers: { 'accept-encoding': 'gzip' } });
    expect(response.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(gunzipSync(response.rawPayload).toString())).toEqual(big);
  });

  it('keeps the ETag of the plain body, and answers 304 without a body', async () => {
    const plain = await app.inject({ url: '/big' });
    const compressed = await app.inject({ url: '/big', headers: { 'accept-encoding': 'br' } });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(compressed.headers['etag']).toBe(plain.headers['etag']);
    const again = await app.inject({ url: '/big', headers: { 'accept-encoding': 'br', 'if-none-match': String(plain.headers['etag']) } });
    expect(again.statusCode).toBe(304);
    expect(again.headers['content-encoding']).toBeUndefined();
    expect(again.rawPayload.length).toBe(0);
  });

  it('leaves small answers, types that do not compress and x-no-compression alone', async () => {
    const small = await app.inject({ url: '/small', headers: { 'accept-encoding': 'br' } });
    expect(small.headers['content-encoding']).toBeUndefined();
    const pdf = await app.inject({ url: '/pdf', headers: { 'accept-encoding': 'br' } });
    expect(pdf.headers['content-encoding']).toBeUndefined();
    const asked = await app.inject({ url: '/big', headers: { 'accept-encoding': 'br', 'x-no-compression': '1' } });
    expect(asked.headers['content-encoding']).toBeUndefined();
  });

  it('sends a body that repeats compressed the same each time, in either encoding', async () => {
    const first = await app.inject({ url: '/kept', headers: { 'accept-encoding': 'br' } });
    const second = await app.inject({ url: '/kept', headers: { 'accept-encoding': 'br' } });
    const gzip = await app.inject({ url: '/kept', headers: { 'accept-encoding': 'gzip' } });
    expect(second.rawPayload).toEqual(first.rawPayload);
    expect(brotliDecompressSync(second.rawPayload).toString()).toBe(serialised);
    expect(gunzipSync(gzip.rawPayload).toString()).toBe(serialised);
  });
});
