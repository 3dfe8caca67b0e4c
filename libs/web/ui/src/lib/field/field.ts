import { ChangeDetectionStrategy, Component, ElementRef, computed, input, output, viewChild } from '@angular/core';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { CharacterCount } from '../character-count/character-count';

/** Where a field is (its id) and what is wrong with it, if anything, in the person's language. */
export interface FieldFeedback {
  id: string;
  /** Shown only when set: the parent decides when errors are visible. */
  error: string | null;
}

/** A count under a field, written by the parent in its language. */
export interface FieldCount {
  text: string;
  over: boolean;
}

/** A choice: what it stands for, and what it is called (an organisation or focus area fits as it is). */
export interface FieldOption {
  id: string;
  name: string;
}

/**
 * A labelled form field bound to a reactive-forms control: a text input,
 * with `rows` a textarea, with `options` a select. The hint, count and error
 * each get an id derived from the field's id, and the control names them in
 * aria-describedby (hint, count, then error), so the error summary can link
 * to the field and screen readers hear the rest. All texts arrive translated.
 */
@Component({
  selector: 'sp-field',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, CharacterCount],
  host: { class: 'ds-field' },
  styles: `
    .optional {
      font-weight: var(--ds-font-weight-regular);
    }
  `,
  template: `
    @let id = feedback().id;
    @let error = feedback().error;
    <label class="ds-label" [for]="id"
      >{{ label() }}
      @if (optional(); as optional) {
        {{ ' ' }}<span class="optional">({{ optional }})</span>
      }
    </label>
    @if (hint(); as hint) {
      <p data-field="description" [id]="id + '-hint'">{{ hint }}</p>
    }
    @if (options(); as options) {
      <select
        #field
        class="ds-input"
        [formControl]="control()"
        [id]="id"
        [attr.aria-invalid]="error ? true : null"
        [attr.aria-describedby]="describedBy()"
        (change)="changed.emit(control().value)"
      >
        @if (placeholder(); as placeholder) {
          <option value="" disabled>{{ placeholder }}</option>
        } @else if (none(); as none) {
          <option value="">{{ none }}</option>
        }
        @for (option of options; track option.id) {
          <option [value]="option.id">{{ option.name }}</option>
        }
      </select>
    } @else if (rows(); as rows) {
      <textarea
        #field
        class="ds-input"
        [rows]="rows"
        [formControl]="control()"
        [id]="id"
        [attr.aria-invalid]="error ? true : null"
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
        [id]="id"
        [attr.aria-invalid]="error ? true : null"
        [attr.aria-describedby]="describedBy()"
      />
    }
    @if (count(); as count) {
      <sp-character-count [countId]="id + '-count'" [text]="count.text" [over]="count.over" />
    }
    @if (error) {
      <p class="ds-validation-message" data-field="validation" [id]="id + '-error'">{{ error }}</p>
    }
  `,
})
export class Field {
  readonly control = input.required<FormControl<string>>();
  readonly feedback = input.required<FieldFeedback>();
  readonly label = input.required<string>();
  /** The word for "optional", shown after the label when the field may be left empty. */
  readonly optional = input<string | null>(null);
  readonly hint = input<string | null>(null);
  readonly count = input<FieldCount | null>(null);
  /** With rows the field is a textarea. */
  readonly rows = input<number | null>(null);
  /** With options the field is a select. */
  readonly options = input<readonly FieldOption[] | null>(null);
  /** A select's first, empty choice that cannot be chosen back («Velg type»): one of the options is required. */
  readonly placeholder = input<string | null>(null);
  /** A select's first, empty choice that means "none" («Ingen satsingsområde»). */
  readonly none = input<string | null>(null);
  readonly type = input<'text' | 'date' | 'email' | 'password'>('text');
  readonly inputmode = input<'decimal' | 'numeric' | null>(null);
  readonly autocomplete = input<string | null>(null);
  /** A select's new value, when the person changes it (not when the code does). */
  readonly changed = output<string>();

  private readonly field = viewChild.required<ElementRef<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>>('field');

  protected readonly describedBy = computed(() => {
    const { id, error } = this.feedback();
    const ids = [this.hint() ? `${id}-hint` : '', this.count() ? `${id}-count` : '', error ? `${id}-error` : ''].filter(Boolean);
    return ids.length > 0 ? ids.join(' ') : null;
  });

  focus(): void {
    this.field().nativeElement.focus();
  }
}
