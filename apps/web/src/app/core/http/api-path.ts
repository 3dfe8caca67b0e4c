/** `/api/projects/<id>/log`, each part escaped, so an id never changes the path it stands in. */
export function apiPath(...parts: string[]): string {
  return `/api/${parts.map(encodeURIComponent).join('/')}`;
}
