import fs from 'node:fs';
import path from 'node:path';

/** DejaVu Sans Condensed, embedded whole: PDF/UA wants every font in the file, and it covers Sami and Nordic letters. */
const FILES = {
  regular: 'DejaVuSansCondensed.ttf',
  bold: 'DejaVuSansCondensed-Bold.ttf',
  italic: 'DejaVuSansCondensed-Oblique.ttf',
} as const;

export type ReportFont = keyof typeof FILES;

let found: Record<ReportFont, string> | null = null;

/** Paths of the report's fonts, from the dejavu-fonts-ttf package. */
export function reportFonts(): Record<ReportFont, string> {
  if (found) return found;
  const candidates: string[] = [];
  try {
    // Under webpack require.resolve may yield a module id instead of a path; the walks below cover that.
    candidates.push(path.dirname(require.resolve('dejavu-fonts-ttf/package.json')));
  } catch {
    /* not resolvable from here */
  }
  for (const start of [process.cwd(), path.dirname(process.argv[1] ?? process.cwd())]) {
    for (let dir = start; dir !== path.dirname(dir); dir = path.dirname(dir)) {
      candidates.push(path.join(dir, 'node_modules', 'dejavu-fonts-ttf'));
    }
  }
  const dir = candidates.find((d) => typeof d === 'string' && fs.existsSync(path.join(d, 'ttf', FILES.regular)));
  if (!dir) throw new Error('Cannot find the report fonts of dejavu-fonts-ttf; is the package installed?');
  found = Object.fromEntries(Object.entries(FILES).map(([k, file]) => [k, path.join(dir, 'ttf', file)])) as Record<ReportFont, string>;
  return found;
}
