import { ChangeDetectionStrategy, Component } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '../core/i18n/translate-pipe';

@Component({
  selector: 'sp-not-found-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, TranslatePipe],
  template: `
    <h1 class="ds-heading" data-size="lg" tabindex="-1">{{ 'notFound.heading' | t }}</h1>
    <p class="ds-paragraph">{{ 'notFound.body' | t }}</p>
    <p class="ds-paragraph">
      <a class="ds-link" routerLink="/">{{ 'notFound.home' | t }}</a>
    </p>
  `,
})
export class NotFoundPage {}
