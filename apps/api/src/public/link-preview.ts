import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PublicService } from './public.service';

const escapeHtml = (text: string) =>
  text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;').replaceAll("'", '&#39;');

/**
 * Link previews and search engines that run no JavaScript see only index.html. For a public partnership's page
 * the server fills in its title, description and Open Graph tags (the web app sets the same at runtime), and
 * answers 404 for one that is not public, so nothing hidden is announced and no empty page is indexed.
 */
export function serveLinkPreviews(app: NestFastifyApplication, webRoot: string, publicUrl: string): void {
  const fastify = app.getHttpAdapter().getInstance();
  const index = readFileSync(join(webRoot, 'index.html'), 'utf8');
  const partnerships = app.get(PublicService);
  fastify.get<{ Params: { id: string } }>('/offentlig/samarbeid/:id', async (request, reply) => {
    void reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8');
    let page: { name: string; description: string } | null = null;
    try {
      page = await partnerships.summary(request.params.id);
    } catch {
      page = null;
    }
    if (!page) return reply.status(404).send(index);
    const title = escapeHtml(page.name);
    const description = escapeHtml(page.description.length > 300 ? `${page.description.slice(0, 297)}…` : page.description);
    const url = escapeHtml(`${publicUrl}/offentlig/samarbeid/${request.params.id}`);
    const tags = [
      `<meta name="description" content="${description}" />`,
      `<meta property="og:title" content="${title}" />`,
      `<meta property="og:description" content="${description}" />`,
      `<meta property="og:type" content="website" />`,
      `<meta property="og:url" content="${url}" />`,
      `<meta property="og:site_name" content="Samspill" />`,
      `<meta name="twitter:card" content="summary" />`,
    ].join('\n    ');
    return reply.send(index.replace('<title>Samspill</title>', `<title>${title} – Samspill</title>\n    ${tags}`));
  });
}
