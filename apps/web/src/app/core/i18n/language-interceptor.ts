import type { HttpInterceptorFn } from '@angular/common/http';
import { inject } from '@angular/core';
import { I18n } from './i18n';

/**
 * Tells our API the language on screen, so that a refusal before sign-in (a wrong password, an expired link)
 * is worded in it. Once someone is signed in, the API answers in the language saved to their profile.
 */
export const languageInterceptor: HttpInterceptorFn = (request, next) => {
  if (request.url !== '/api' && !request.url.startsWith('/api/')) return next(request);
  if (request.headers.has('Accept-Language')) return next(request);
  return next(request.clone({ setHeaders: { 'Accept-Language': inject(I18n).locale() } }));
};
