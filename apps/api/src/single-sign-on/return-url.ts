/** Only a path inside Samspill: never another site (`//evil.example`, `/\evil.example`). */
export function safeReturnUrl(url: string | undefined): string | null {
  if (!url || !url.startsWith('/') || url.startsWith('//') || url.startsWith('/\\')) return null;
  // No control characters: a header cannot be split with one.
  if ([...url].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f)) return null;
  return url.slice(0, 500);
}
