import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { LanguageSwitcher } from '@samspill/web-ui';
import { Auth } from '../auth/auth';
import { I18n, LANGUAGES, isLocale } from '../i18n/i18n';

/** The language switcher wired to the I18n service; a signed-in person's choice is saved to their profile. */
@Component({
  selector: 'sp-language-choice',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [LanguageSwitcher],
  template: `
    <sp-language-switcher
      [options]="languages"
      [current]="i18n.locale()"
      [label]="i18n.t('language.label')"
      (localeChange)="choose($event)"
    />
  `,
})
export class LanguageChoice {
  protected readonly i18n = inject(I18n);
  private readonly auth = inject(Auth);
  protected readonly languages = LANGUAGES;

  protected choose(locale: string): void {
    if (!isLocale(locale)) return;
    void this.i18n.setLocale(locale);
    this.auth.saveLocale(locale).subscribe();
  }
}
