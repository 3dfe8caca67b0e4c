import { HttpContextToken, HttpErrorResponse, HttpInterceptorFn, HttpRequest } from '@angular/common/http';
import { inject } from '@angular/core';
import { Router } from '@angular/router';
import { catchError, switchMap, throwError } from 'rxjs';
import { AUTH_URLS, Auth } from './auth';

const RETRIED = new HttpContextToken<boolean>(() => false);
const NO_REFRESH: readonly string[] = Object.values(AUTH_URLS);

function isApi(url: string): boolean {
  return url === '/api' || url.startsWith('/api/');
}

function withToken<T>(request: HttpRequest<T>, token: string | null): HttpRequest<T> {
  return token ? request.clone({ setHeaders: { Authorization: `Bearer ${token}` } }) : request;
}

/**
 * Adds the access token to calls to our own API. On a 401 it refreshes once
 * and retries; when that fails, the person is sent to sign in and comes back
 * to where they were afterwards.
 */
export const authInterceptor: HttpInterceptorFn = (request, next) => {
  if (!isApi(request.url)) return next(request);
  const auth = inject(Auth);
  const router = inject(Router);

  return next(withToken(request, auth.accessToken())).pipe(
    catchError((error: unknown) => {
      const retryable =
        error instanceof HttpErrorResponse &&
        error.status === 401 &&
        !NO_REFRESH.includes(request.url.replace(/\?.*$/, '')) &&
        !request.context.get(RETRIED);
      if (!retryable) return throwError(() => error);

      return auth.refresh().pipe(
        switchMap((token) => {
          if (!token) {
            void router.navigate(['/sign-in'], { queryParams: { returnUrl: router.url, reason: 'expired' } });
            return throwError(() => error);
          }
          return next(withToken(request.clone({ context: request.context.set(RETRIED, true) }), token));
        }),
      );
    }),
  );
};
