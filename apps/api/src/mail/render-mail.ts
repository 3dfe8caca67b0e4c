import type { MailContent } from './mail-texts';

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

const escape = (s: string) =>
  s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;').replaceAll("'", '&#39;');

/** The same content as plain text and as simple, escaped HTML (names are written by people, so never trusted). */
export function renderMail(content: MailContent, lang: string): RenderedMail {
  const text = [content.greeting, '', ...content.paragraphs, '', content.action.url, '', ...content.after, '', '-- ', 'Samspill'].join(
    '\n',
  );
  const p = (s: string) => `<p style="margin:0 0 16px">${escape(s)}</p>`;
  const html = `<!doctype html>
<html lang="${escape(lang)}">
<head><meta charset="utf-8"><title>${escape(content.subject)}</title></head>
<body style="font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5;color:#1e2b3c;max-width:36em;margin:0 auto;padding:24px">
${p(content.greeting)}
${content.paragraphs.map(p).join('\n')}
<p style="margin:24px 0"><a href="${escape(content.action.url)}" style="background:#0062ba;color:#ffffff;padding:12px 20px;border-radius:4px;text-decoration:none;display:inline-block">${escape(content.action.label)}</a></p>
<p style="margin:0 0 16px;font-size:14px">${escape(content.action.url)}</p>
${content.after.map(p).join('\n')}
<p style="margin:32px 0 0;font-size:14px;color:#4b5563">Samspill</p>
</body>
</html>`;
  return { subject: content.subject, text, html };
}
