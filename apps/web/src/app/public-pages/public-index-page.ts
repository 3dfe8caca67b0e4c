import { ChangeDetectionStrategy, Component, effect, inject } from '@angular/core';
import { RouterLink } from '@angular/router';
import { dataResource } from '../core/data/data-resource';
import { LoadStatus } from '../core/data/load-status';
import { I18n } from '../core/i18n/i18n';
import { TranslatePipe } from '../core/i18n/translate-pipe';
import { PageMeta } from '../core/layout/page-meta';
import { PublicApi } from './public-api';

/** Every public partnership, for anyone: /offentlig. */
@Component({
  selector: 'sp-public-index-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, TranslatePipe, LoadStatus],
  providers: [PageMeta],
  styleUrl: './public-pages.css',
  template: `
    <div class="page-intro">
      <h1 class="ds-heading" data-size="lg" tabindex="-1">{{ 'publicPages.indexTitle' | t }}</h1>
      <p class="ds-paragraph">{{ 'publicPages.indexIntro' | t }}</p>
    </div>
    <sp-load-status [data]="partnerships" />
    @if (partnerships.value(); as list) {
      @if (list.length === 0) {
        <p class="ds-paragraph">{{ 'publicPages.none' | t }}</p>
      } @else {
        <ul class="cards">
          @for (p of list; track p.id) {
            <li class="ds-card">
              <h2 class="ds-heading" data-size="sm">
                <a class="ds-link" [routerLink]="['/offentlig/samarbeid', p.id]">{{ p.name }}</a>
              </h2>
              <p class="ds-paragraph">{{ p.description }}</p>
              <p class="ds-paragraph" data-size="sm">
                <strong>{{ 'publicPages.members' | t }}:</strong>
                @for (m of p.members; track m.id; let last = $last) {
                  {{ m.name }}{{ last ? '' : ', ' }}
                }
              </p>
            </li>
          }
        </ul>
      }
    }
    <p class="ds-paragraph">
      <a class="ds-link" routerLink="/offentlig/data">{{ 'openData.title' | t }}</a>
    </p>
  `,
})
export class PublicIndexPage {
  private readonly api = inject(PublicApi);
  protected readonly partnerships = dataResource(() => this.api.list());

  constructor() {
    const meta = inject(PageMeta);
    const i18n = inject(I18n);
    effect(() => meta.set({ title: i18n.t('publicPages.indexTitle'), description: i18n.t('publicPages.indexDescription') }));
  }
}
