/**
 * One CSV line for Excel: every cell quoted, semicolons (the Nordic list separator), CRLF. A leading
 * = + - @ (or tab, carriage return) is neutralised with an apostrophe so Excel never runs it as a formula.
 * Files start with a UTF-8 byte-order mark (CSV_BOM) so æøå survive.
 */
export function csvLine(cells: readonly string[]): string {
  return `${cells.map((c) => `"${(/^[=+\-@\t\r]/.test(c) ? `'${c}` : c).replaceAll('"', '""')}"`).join(';')}\r\n`;
}

export const CSV_BOM = '\uFEFF';
