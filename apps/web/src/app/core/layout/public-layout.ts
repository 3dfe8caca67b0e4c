import { ChangeDetectionStrategy, Component } from '@angular/core';
import { RouterLink, RouterOutlet } from '@angular/router';
import { TranslatePipe } from '../i18n/translate-pipe';
import { LanguageChoice } from './language-choice';
import { SiteFooter } from './site-footer';
import { SkipLink } from './skip-link';

/** The frame for pages anyone may see: sign-in, not found, the public pages and the accessibility statement. */
@Component({
  selector: 'sp-public-layout',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterOutlet, RouterLink, TranslatePipe, LanguageChoice, SkipLink, SiteFooter],
  styleUrl: './shell.css',
  template: `
    <sp-skip-link />
    <header class="header">
      <div class="bar">
        <a class="brand" routerLink="/">{{ 'app.name' | t }}</a>
        <div class="tools"><sp-language-choice /></div>
      </div>
    </header>
    <main id="main" tabindex="-1" class="page">
      <router-outlet />
    </main>
    <sp-site-footer />
  `,
})
export class PublicLayout {}
