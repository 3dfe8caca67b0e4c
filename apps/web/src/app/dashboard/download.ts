/**
 * Saves a file fetched with the bearer token (a plain link would go without
 * it) through a temporary object URL.
 */
export function saveBlob(document: Document, blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Some browsers read the URL after click() returns; let go of it a little later.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

const LETTERS: Record<string, string> = { æ: 'ae', ø: 'o', å: 'a', ß: 'ss' };

/** "PILOTen Hadeland" → "piloten-hadeland": safe in any file system, readable in any language. */
export function fileSlug(name: string): string {
  return (
    name
      .toLowerCase()
      .replace(/[æøåß]/g, (letter) => LETTERS[letter] ?? letter)
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'samarbeid'
  );
}

/** `samspill-prosjekter-piloten-hadeland-2026-11-26.csv`, dated in local time. */
export function downloadName(prefix: string, partnershipName: string, extension: string, today = new Date()): string {
  const date = [today.getFullYear(), today.getMonth() + 1, today.getDate()].map((n) => String(n).padStart(2, '0')).join('-');
  return `${prefix}-${fileSlug(partnershipName)}-${date}.${extension}`;
}
