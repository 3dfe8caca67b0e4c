import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { RouterLink } from '@angular/router';
import { I18n } from '../i18n/i18n';
import { TranslatePipe } from '../i18n/translate-pipe';

/** Links every page carries, signed in or not: the accessibility statement and the open data. */
@Component({
  selector: 'sp-site-footer',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, TranslatePipe],
  styles: `
    :host {
      display: block;
      border-top: 1px solid var(--ds-color-neutral-border-subtle);
    }
    ul {
      display: flex;
      flex-wrap: wrap;
      gap: var(--ds-size-2) var(--ds-size-6);
      max-width: 72rem;
      margin: 0 auto;
      padding: var(--ds-size-4) var(--ds-size-6);
      list-style: none;
    }
    @media print {
      :host {
        display: none;
      }
    }
  `,
  template: `
    <footer>
      <ul>
        <li>
          <a class="ds-link" routerLink="/offentlig">{{ 'publicPages.nav' | t }}</a>
        </li>
        <li>
          <a class="ds-link" routerLink="/offentlig/data">{{ 'openData.nav' | t }}</a>
        </li>
        <li>
          <a class="ds-link" [routerLink]="statementPath()">{{ 'statement.nav' | t }}</a>
        </li>
      </ul>
    </footer>
  `,
})
export class SiteFooter {
  private readonly i18n = inject(I18n);
  /** The statement in English has its own address; every other language reads the Norwegian one. */
  protected readonly statementPath = computed(() => (this.i18n.locale() === 'en' ? '/accessibility' : '/tilgjengelighet'));
}
