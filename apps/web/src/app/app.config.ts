import { provideHttpClient, withFetch, withInterceptors } from '@angular/common/http';
import { ApplicationConfig, inject, provideAppInitializer, provideBrowserGlobalErrorListeners } from '@angular/core';
import { TitleStrategy, provideRouter, withComponentInputBinding, withInMemoryScrolling } from '@angular/router';
import { appRoutes } from './app.routes';
import { Auth } from './core/auth/auth';
import { authInterceptor } from './core/auth/auth-interceptor';
import { languageInterceptor } from './core/i18n/language-interceptor';
import { I18n } from './core/i18n/i18n';
import { I18nTitleStrategy } from './core/i18n/i18n-title-strategy';
import { RouteFocus } from './core/layout/route-focus';

export const appConfig: ApplicationConfig = {
  providers: [
    provideBrowserGlobalErrorListeners(),
    provideHttpClient(withFetch(), withInterceptors([languageInterceptor, authInterceptor])),
    // Route parameters arrive as inputs (`readonly id = input.required<string>()`).
    provideRouter(appRoutes, withComponentInputBinding(), withInMemoryScrolling({ scrollPositionRestoration: 'top' })),
    { provide: TitleStrategy, useClass: I18nTitleStrategy },
    // Restore the session from the refresh cookie before the first route is guarded.
    provideAppInitializer(() => inject(Auth).restore()),
    // Start in the person's language, not in bokmål for a moment.
    provideAppInitializer(() => inject(I18n).ready),
    provideAppInitializer(() => inject(RouteFocus).start()),
  ],
};
