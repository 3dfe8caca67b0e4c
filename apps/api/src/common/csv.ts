import type { FastifyReply } from 'fastify';
import { Readable } from 'node:stream';

/**
 * One CSV line for Excel: every cell quoted, semicolons (the Nordic list separator), CRLF. A leading
 * = + - @ (or tab, carriage return) is neutralised with an apostrophe so Excel never runs it as a formula.
 * Files start with a UTF-8 byte-order mark (CSV_BOM) so æøå survive.
 */
export function csvLine(cells: readonly string[]): string {
  return `${cells.map((c) => `"${(/^[=+\-@\t\r]/.test(c) ? `'${c}` : c).replaceAll('"', '""')}"`).join(';')}\r\n`;
}

export const CSV_BOM = '\uFEFF';

/**
 * Sends CSV lines as a dated attachment (`samspill-<name>-YYYY-MM-DD.csv`), streamed. The first chunk is read
 * before anything is sent, so a failing query still gets a proper error answer instead of a broken download.
 */
export async function sendCsv(reply: FastifyReply, lines: AsyncGenerator<string>, name: string): Promise<void> {
  const first = await lines.next();
  const stream = Readable.from(
    (async function* () {
      if (!first.done) yield first.value;
      yield* lines;
    })(),
  );
  await reply
    .header('content-type', 'text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="samspill-${name}-${new Date().toISOString().slice(0, 10)}.csv"`)
    .header('cache-control', 'no-store')
    .send(stream);
}
