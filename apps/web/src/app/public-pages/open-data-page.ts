import { ChangeDetectionStrategy, Component, effect, inject } from '@angular/core';
import { RouterLink } from '@angular/router';
import { OPEN_DATA_COLUMNS, OPEN_DATA_LICENCE } from '@samspill/contracts/values';
import { I18n } from '../core/i18n/i18n';
import type { MessageKey } from '../core/i18n/messages';
import { TranslatePipe } from '../core/i18n/translate-pipe';
import { PageMeta } from '../core/layout/page-meta';

/** What the open data holds and where to fetch it (issue 13): /offentlig/data. */
@Component({
  selector: 'sp-open-data-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, TranslatePipe],
  providers: [PageMeta],
  styleUrl: './public-pages.css',
  template: `
    <div class="page-intro">
      <h1 class="ds-heading" data-size="lg" tabindex="-1">{{ 'openData.title' | t }}</h1>
      <p class="ds-paragraph">{{ 'openData.intro' | t }}</p>
      <p class="ds-paragraph">
        <a class="ds-link" routerLink="/offentlig">{{ 'publicPages.indexTitle' | t }}</a>
      </p>
    </div>
    <section aria-labelledby="licence-heading">
      <h2 id="licence-heading" class="ds-heading" data-size="md">{{ 'openData.licenceHeading' | t }}</h2>
      <p class="ds-paragraph">{{ 'openData.licenceText' | t }}</p>
      <p class="ds-paragraph">
        <a class="ds-link" rel="license" [href]="licenceUrl()">{{ 'openData.licenceLink' | t }}</a>
      </p>
    </section>
    <section aria-labelledby="addresses-heading">
      <h2 id="addresses-heading" class="ds-heading" data-size="md">{{ 'openData.addressesHeading' | t }}</h2>
      <p class="ds-paragraph">{{ 'openData.addressesText' | t: { id: '{id}' } }}</p>
      <dl class="fact-list">
        @for (a of addresses; track a.path) {
          <dt>{{ a.label | t }}</dt>
          <dd>
            <code>{{ a.path }}</code>
          </dd>
        }
      </dl>
    </section>
    <section aria-labelledby="csv-heading">
      <h2 id="csv-heading" class="ds-heading" data-size="md">{{ 'openData.csvHeading' | t }}</h2>
      <p class="ds-paragraph">{{ 'openData.csvIntro' | t }}</p>
      <div class="table-wrap" role="region" tabindex="0" [attr.aria-label]="'openData.csvHeading' | t">
        <table class="ds-table" data-border>
          <thead>
            <tr>
              <th scope="col">{{ 'openData.field' | t }}</th>
              <th scope="col">{{ 'openData.meaning' | t }}</th>
            </tr>
          </thead>
          <tbody>
            @for (field of fields; track field) {
              <tr>
                <th scope="row">
                  <code>{{ field }}</code>
                </th>
                <td>{{ meaning(field) }}</td>
              </tr>
            }
          </tbody>
        </table>
      </div>
    </section>
    <section aria-labelledby="json-heading">
      <h2 id="json-heading" class="ds-heading" data-size="md">{{ 'openData.jsonHeading' | t }}</h2>
      <p class="ds-paragraph">{{ 'openData.jsonText' | t }}</p>
    </section>
  `,
})
export class OpenDataPage {
  private readonly i18n = inject(I18n);
  protected readonly fields = OPEN_DATA_COLUMNS;
  protected readonly addresses: { label: MessageKey; path: string }[] = [
    { label: 'openData.addressList', path: '/api/public/partnerships' },
    { label: 'openData.addressPartnership', path: '/api/public/partnerships/{id}' },
    { label: 'openData.addressDashboard', path: '/api/public/partnerships/{id}/dashboard' },
    { label: 'openData.addressJson', path: '/api/public/partnerships/{id}/data.json' },
    { label: 'openData.addressCsv', path: '/api/public/partnerships/{id}/data.csv' },
  ];

  constructor() {
    const meta = inject(PageMeta);
    effect(() => meta.set({ title: this.i18n.t('openData.title'), description: this.i18n.t('openData.description') }));
  }

  protected meaning(field: (typeof OPEN_DATA_COLUMNS)[number]): string {
    return this.i18n.t(`openData.fields.${field}`);
  }

  protected licenceUrl(): string {
    return this.i18n.locale() === 'en' ? OPEN_DATA_LICENCE.urlEn : OPEN_DATA_LICENCE.url;
  }
}
