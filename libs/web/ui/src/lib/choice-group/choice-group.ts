import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import type { FieldFeedback, FieldOption } from '../field/field';

/** An option, with a line under it that says more when one is given. */
export interface ChoiceOption extends FieldOption {
  hint?: string;
}

/**
 * A fieldset of choices: radio buttons bound to `control` (one choice), or
 * without it checkboxes that show `chosen` and emit the whole new choice when
 * the person ticks or unticks one. The fieldset's id is where an error
 * summary links to (it takes focus); each option is `<id>-<option id>`, and
 * the hint and error are named in aria-describedby. Texts arrive translated.
 */
@Component({
  selector: 'sp-choice-group',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule],
  styles: `
    .ds-fieldset {
      display: grid;
      gap: var(--ds-size-2);
      margin: 0;
      padding: 0;
      border: 0;
    }
    .ds-fieldset:focus {
      outline: none;
    }
    .hint {
      margin: 0;
      color: var(--ds-color-neutral-text-subtle);
    }
    .choices {
      display: grid;
      gap: var(--ds-size-2) var(--ds-size-4);
    }
    .several {
      grid-template-columns: repeat(auto-fill, minmax(14rem, 1fr));
    }
  `,
  // A radio's name goes to the forms directive; the attribute, for the browser's arrow keys, is set apart.
  template: `
    @let id = feedback().id;
    @let error = feedback().error;
    <fieldset class="ds-fieldset" tabindex="-1" [id]="id" [attr.aria-describedby]="describedBy()">
      <legend class="ds-label">{{ legend() }}</legend>
      @if (hint(); as hint) {
        <p class="hint" [id]="id + '-hint'">{{ hint }}</p>
      }
      <div class="choices" [class.several]="!control()">
        @for (option of options(); track option.id) {
          @let optionId = id + '-' + option.id;
          <div class="ds-field">
            @if (control(); as control) {
              <input
                class="ds-input"
                type="radio"
                [name]="id"
                [attr.name]="id"
                [formControl]="control"
                [value]="option.id"
                [id]="optionId"
                [attr.aria-describedby]="option.hint ? optionId + '-hint' : null"
              />
            } @else {
              <input
                class="ds-input"
                type="checkbox"
                [id]="optionId"
                [checked]="chosen().has(option.id)"
                [disabled]="option.id === locked()"
                (change)="toggle(option.id, $any($event.target).checked)"
              />
            }
            <label class="ds-label" [for]="optionId">{{ option.name }}</label>
            @if (option.hint) {
              <p data-field="description" [id]="optionId + '-hint'">{{ option.hint }}</p>
            }
          </div>
        }
      </div>
      @if (error) {
        <p class="ds-validation-message" data-field="validation" [id]="id + '-error'">{{ error }}</p>
      }
    </fieldset>
  `,
})
export class ChoiceGroup {
  readonly feedback = input.required<FieldFeedback>();
  readonly legend = input.required<string>();
  readonly options = input.required<readonly ChoiceOption[]>();
  readonly hint = input<string | null>(null);
  /** One choice, as radio buttons. */
  readonly control = input<FormControl<string> | null>(null);
  /** Several choices, as checkboxes: those ticked now. */
  readonly chosen = input<ReadonlySet<string>>(new Set());
  /** A checkbox that stays ticked (your own organisation), or null. */
  readonly locked = input<string | null>(null);
  readonly chosenChange = output<ReadonlySet<string>>();

  protected readonly describedBy = computed(() => {
    const { id, error } = this.feedback();
    const ids = [this.hint() ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean);
    return ids.length > 0 ? ids.join(' ') : null;
  });

  protected toggle(id: string, checked: boolean): void {
    const next = new Set(this.chosen());
    if (checked) next.add(id);
    else next.delete(id);
    this.chosenChange.emit(next);
  }
}
