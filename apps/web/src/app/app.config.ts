import { provideHttpClient, withFetch, withInterceptors } from '@angular/common/http';
import { ApplicationConfig, inject, provideAppInitializer, provideBrowserGlobalErrorListeners } from '@angular/core';
import { TitleStrategy, provideRouter, withInMemoryScrolling } from '@angular/router';
import { appRoutes } from './app.routes';
import { Auth } from './core/auth/auth';
import { authInterceptor } from './core/auth/auth-interceptor';
import { I18nTitleStrategy } from './core/i18n/i18n-title-strategy';
import { RouteFocus } from './core/layout/route-focus';

export const appConfig: ApplicationConfig = {
  providers: [
    provideBrowserGlobalErrorListeners(),
    provideHttpClient(withFetch(), withInterceptors([authInterceptor])),
    provideRouter(appRoutes, withInMemoryScrolling({ scrollPositionRestoration: 'top' })),
    { provide: TitleStrategy, useClass: I18nTitleStrategy },
    // Restore the session from the refresh cookie before the first route is guarded.
    provideAppInitializer(() => inject(Auth).restore()),
    provideAppInitializer(() => inject(RouteFocus).start()),
  ],
};
