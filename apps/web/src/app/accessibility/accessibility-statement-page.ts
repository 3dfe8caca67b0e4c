import { ChangeDetectionStrategy, Component, computed, effect, inject, input, untracked } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { Locale } from '@samspill/contracts/values';
import { I18n } from '../core/i18n/i18n';
import { TranslatePipe } from '../core/i18n/translate-pipe';
import { PageMeta } from '../core/layout/page-meta';
import { STATEMENT } from './deviations';

/**
 * The accessibility statement (issue 13) in the structure of Norway's supervisory authority (uutilsynet):
 * standard, conformance status, known deviations with reason and fix date, how it was checked and when,
 * feedback, supervision. /tilgjengelighet opens it in Norwegian, /accessibility in English.
 */
@Component({
  selector: 'sp-accessibility-statement-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, TranslatePipe],
  providers: [PageMeta],
  styleUrl: '../public-pages/public-pages.css',
  templateUrl: './accessibility-statement-page.html',
})
export class AccessibilityStatementPage {
  protected readonly i18n = inject(I18n);
  /** From the route: the language the address stands for. */
  readonly language = input<Locale>('nb');

  protected readonly facts = STATEMENT;
  /** Deviation texts exist in bokmål and English; every other language reads the bokmål ones. */
  protected readonly textLanguage = computed(() => (this.i18n.locale() === 'en' ? 'en' : 'nb'));
  protected readonly checkedOn = computed(() => this.i18n.formatDate(this.facts.checkedOn));
  protected readonly otherAddress = computed(() => (this.i18n.locale() === 'en' ? '/tilgjengelighet' : '/accessibility'));

  constructor() {
    const meta = inject(PageMeta);
    // /accessibility opens in English and /tilgjengelighet in a Nordic language (the one chosen, if any), once;
    // the switcher can change it after.
    let chosen = false;
    effect(() => {
      const language = this.language();
      const english = untracked(() => this.i18n.locale()) === 'en';
      if (!chosen && (language === 'en') !== english) void this.i18n.setLocale(language);
      chosen = true;
    });
    effect(() => meta.set({ title: this.i18n.t('statement.title'), description: this.i18n.t('statement.description') }));
  }

  protected date(value: string): string {
    return this.i18n.formatDate(value);
  }
}
