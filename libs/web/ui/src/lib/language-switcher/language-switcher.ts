import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';

export interface LanguageOption {
  locale: string;
  /** The language's name in that language. */
  name: string;
}

/** One button per language; the current one is pressed. */
@Component({
  selector: 'sp-language-switcher',
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    .languages {
      display: flex;
      flex-wrap: wrap;
      gap: var(--ds-size-1);
      margin: 0;
      padding: 0;
      list-style: none;
    }
    /* The chosen language is marked by more than colour. */
    [aria-pressed='true'] {
      font-weight: var(--ds-font-weight-semibold);
      text-decoration: underline;
      text-underline-offset: 0.3em;
    }
  `,
  template: `
    <ul class="languages" role="list" [attr.aria-label]="label()">
      @for (option of options(); track option.locale) {
        <li>
          <button
            type="button"
            class="ds-button"
            data-variant="tertiary"
            data-size="sm"
            [attr.lang]="option.locale"
            [attr.aria-pressed]="option.locale === current()"
            (click)="choose(option.locale)"
          >
            {{ option.name }}
          </button>
        </li>
      }
    </ul>
  `,
})
export class LanguageSwitcher {
  readonly options = input.required<readonly LanguageOption[]>();
  readonly current = input.required<string>();
  /** What the group is, in the current language ("Språk"). */
  readonly label = input.required<string>();
  readonly localeChange = output<string>();

  protected choose(locale: string): void {
    if (locale !== this.current()) this.localeChange.emit(locale);
  }
}
