import { inject } from '@angular/core';
import { CanActivateFn, Router } from '@angular/router';
import { Auth } from './auth';

/** Pages for signed-in people; others go to sign-in and come back afterwards. */
export const signedInGuard: CanActivateFn = (_route, state) => {
  if (inject(Auth).signedIn()) return true;
  return inject(Router).createUrlTree(['/sign-in'], { queryParams: { returnUrl: state.url } });
};

/** The sign-in page makes no sense for someone already signed in. */
export const signedOutGuard: CanActivateFn = () => {
  return inject(Auth).signedIn() ? inject(Router).createUrlTree(['/']) : true;
};

/** Only paths inside this app; anything else (`//evil.example`, `https:`) goes home. */
export function safeReturnUrl(value: string | null | undefined): string {
  return value && value.startsWith('/') && !value.startsWith('//') && !value.startsWith('/\\') ? value : '/';
}
