import type { HttpClient } from '@angular/common/http';
import { EMPTY, expand, type Observable, reduce } from 'rxjs';

/** The next page's address from a `Link: <…>; rel="next"` header, if there is one. */
export function nextPage(link: string | null): string | null {
  return /<([^>]+)>;\s*rel="next"/.exec(link ?? '')?.[1] ?? null;
}

/**
 * Every item of a paged list (a JSON array per page, the next page named in
 * its Link header), page after page, as one array: for pickers that need the
 * whole list, while the API never answers more than a page at once.
 */
export function allPages<T>(http: HttpClient, url: string): Observable<T[]> {
  const page = (address: string) => http.get<T[]>(address, { observe: 'response' });
  return page(url).pipe(
    expand((response) => {
      const next = nextPage(response.headers.get('link'));
      return next ? page(next) : EMPTY;
    }),
    reduce((items: T[], response) => [...items, ...(response.body ?? [])], []),
  );
}
