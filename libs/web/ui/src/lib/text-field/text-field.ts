import { ChangeDetectionStrategy, Component, ElementRef, computed, input, viewChild } from '@angular/core';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { CharacterCount } from '../character-count/character-count';

/** A count under a field, written by the parent in its language. */
export interface TextFieldCount {
  text: string;
  over: boolean;
}

/**
 * A labelled text input or, with `rows`, a textarea, bound to a reactive-forms
 * control. The hint, count and error each get an id derived from `fieldId`,
 * and the field names them in aria-describedby (hint, count, then error), so
 * the error summary can link to `fieldId` and screen readers hear the rest.
 * All texts arrive translated.
 */
@Component({
  selector: 'sp-text-field',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, CharacterCount],
  host: { class: 'ds-field' },
  styles: `
    .optional {
      font-weight: var(--ds-font-weight-regular);
    }
  `,
  template: `
    <label class="ds-label" [for]="fieldId()"
      >{{ label() }}
      @if (optional(); as optional) {
        {{ ' ' }}<span class="optional">({{ optional }})</span>
      }
    </label>
    @if (hint(); as hint) {
      <p data-field="description" [id]="fieldId() + '-hint'">{{ hint }}</p>
    }
    @if (rows(); as rows) {
      <textarea
        #field
        class="ds-input"
        [rows]="rows"
        [formControl]="control()"
        [id]="fieldId()"
        [attr.aria-invalid]="error() ? true : null"
        [attr.aria-describedby]="describedBy()"
      ></textarea>
    } @else {
      <input
        #field
        class="ds-input"
        [type]="type()"
        [attr.inputmode]="inputmode()"
        [attr.autocomplete]="autocomplete()"
        [formControl]="control()"
        [id]="fieldId()"
        [attr.aria-invalid]="error() ? true : null"
        [attr.aria-describedby]="describedBy()"
      />
    }
    @if (count(); as count) {
      <sp-character-count [countId]="fieldId() + '-count'" [text]="count.text" [over]="count.over" />
    }
    @if (error(); as error) {
      <p class="ds-validation-message" data-field="validation" [id]="fieldId() + '-error'">{{ error }}</p>
    }
  `,
})
export class TextField {
  readonly control = input.required<FormControl<string>>();
  readonly fieldId = input.required<string>();
  readonly label = input.required<string>();
  /** The word for "optional", shown after the label when the field may be left empty. */
  readonly optional = input<string | null>(null);
  readonly hint = input<string | null>(null);
  /** Shown only when set: the parent decides when errors are visible. */
  readonly error = input<string | null>(null);
  readonly count = input<TextFieldCount | null>(null);
  /** With rows the field is a textarea. */
  readonly rows = input<number | null>(null);
  readonly type = input<'text' | 'date' | 'email' | 'password'>('text');
  readonly inputmode = input<'decimal' | null>(null);
  readonly autocomplete = input<string | null>(null);

  private readonly field = viewChild.required<ElementRef<HTMLInputElement | HTMLTextAreaElement>>('field');

  protected readonly describedBy = computed(() => {
    const id = this.fieldId();
    const ids = [this.hint() ? `${id}-hint` : '', this.count() ? `${id}-count` : '', this.error() ? `${id}-error` : ''].filter(Boolean);
    return ids.length > 0 ? ids.join(' ') : null;
  });

  focus(): void {
    this.field().nativeElement.focus();
  }
}
