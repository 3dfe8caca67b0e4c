import fastifyCompress from '@fastify/compress';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { existsSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { join } from 'node:path';
import { AppModule } from './app.module';
import { registerConditionalGet, staticCacheControl } from './common/http-caching';
import { BODY_LIMITS } from './common/decorators';
import { COMPRESSION_THRESHOLD, registerBufferedCompression } from './common/compression';
import { registerSecurityHeaders } from './common/security-headers';
import { clientErrorHandler, excerpt, frameworkErrors, registerRequestParsing } from './common/http-layer';
import { openApiDocument } from './common/openapi';
import { serveLinkPreviews } from './public/link-preview';
import { createValidationPipe } from './common/validation';
import { requestLocale } from './i18n/locale';
import { localizeError } from './i18n/localize-error';
import type { AppConfig } from './config/configuration';
import { queryCount } from './database/query-counter';

export async function createApp(config: AppConfig, databaseUrl: string): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    trustProxy: config.trustProxy,
    bodyLimit: 1024 * 1024,
    // Request ids come from nestjs-pino; keep Fastify's own logger off.
    logger: false,
    frameworkErrors,
    clientErrorHandler,
    requestIdHeader: false,
    genReqId: (request: IncomingMessage) => {
      const incoming = request.headers['x-request-id'];
      return typeof incoming === 'string' && /^[\w-]{1,64}$/.test(incoming) ? incoming : randomUUID();
    },
  });
  // Nest's own start-up chatter stays quiet; from then on, structured JSON logs.
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config, databaseUrl), adapter, {
    logger: ['error', 'warn'],
    bodyParser: false,
  });
  app.useLogger(app.get(Logger));
  const fastify = app.getHttpAdapter().getInstance();
  registerRequestParsing(fastify);
  fastify.addHook('onRoute', (route) => {
    route.bodyLimit = (route.config as { bodyLimit?: number } | undefined)?.bodyLimit ?? BODY_LIMITS.default;
  });
  fastify.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  if (!config.trustProxy) warnOnceAboutForwardedFor(app);
  if (config.exposeQueryCount) {
    fastify.addHook('onRequest', (_request, _reply, done) => queryCount.run({ statements: 0 }, done));
    fastify.addHook('onSend', async (_request, reply) => {
      reply.header('x-sql-statements', String(queryCount.getStore()?.statements ?? -1));
    });
  }
  // Before compression: ETags and 304s are worked out on the plain body.
  registerConditionalGet(fastify);
  registerBufferedCompression(fastify);
  app.setGlobalPrefix('api');
  app.useGlobalPipes(createValidationPipe());

  // Streams (the web app's files, CSV), brotli or gzip as the client accepts; answers in memory were compressed above.
  await app.register(fastifyCompress, { encodings: ['br', 'gzip'], threshold: COMPRESSION_THRESHOLD });
  await app.register(fastifyCookie);
  registerSecurityHeaders(fastify);
  if (config.corsOrigins.length > 0) {
    app.enableCors({ origin: config.corsOrigins, credentials: true });
  }

  // The document is also served as JSON at /api/docs-json, for client generators. Made once, at start.
  const document = openApiDocument(app);
  SwaggerModule.setup('api/docs', app, () => document);

  serveWebApp(app, config.webRoot, config.publicUrl);
  return app;
}

/**
 * Without TRUST_PROXY the client's address is the connection's, whatever
 * X-Forwarded-For says. Behind a load balancer that means every person
 * shares one address for sign-in throttling, so say it once, clearly.
 */
function warnOnceAboutForwardedFor(app: NestFastifyApplication): void {
  const fastify = app.getHttpAdapter().getInstance();
  let warned = false;
  fastify.addHook('onRequest', (request, _reply, done) => {
    if (!warned && request.headers['x-forwarded-for'] !== undefined) {
      warned = true;
      app
        .get(Logger)
        .warn(
          "A request carried X-Forwarded-For, but TRUST_PROXY is not set: the header is ignored and the connection's address is used, " +
            'so every client behind that proxy shares one address for sign-in throttling. Set TRUST_PROXY=true when the API runs behind a load balancer you trust.',
        );
    }
    done();
  });
}

/** Serves the built web app on the same origin, with index.html for client-side routes. */
function serveWebApp(app: NestFastifyApplication, webRoot: string | null, publicUrl: string): void {
  if (!webRoot || !existsSync(join(webRoot, 'index.html'))) return;
  const fastify = app.getHttpAdapter().getInstance();
  serveLinkPreviews(app, webRoot, publicUrl);
  void fastify.register(fastifyStatic, {
    root: webRoot,
    wildcard: false,
    index: false,
    serve: true,
    setHeaders: (reply, path) => void reply.header('cache-control', staticCacheControl(path)),
  });
  fastify.get('/', (_request, reply) => reply.header('cache-control', 'no-cache').sendFile('index.html'));
  fastify.get('/*', (request, reply) => {
    if (request.url.startsWith('/api/') || request.url === '/api') {
      const endpoint = `GET ${excerpt(request.url.split('?')[0] ?? '')}`;
      const english = { statusCode: 404, code: 'NOT_FOUND', message: `No such endpoint: ${endpoint}` };
      return reply.status(404).send(localizeError(english, requestLocale(request), { endpoint }));
    }
    return reply.header('cache-control', 'no-cache').sendFile('index.html');
  });
}
