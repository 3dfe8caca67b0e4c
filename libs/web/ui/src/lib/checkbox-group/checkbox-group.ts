import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import type { FieldOption } from '../field/field';

/**
 * A fieldset of checkboxes, one for each option, with its hint and error
 * named in aria-describedby. `groupId` is where an error summary links to
 * (the fieldset takes focus); each box is `<groupId>-<option id>`. Emits the
 * whole new choice when the person ticks or unticks one. Texts arrive
 * translated.
 */
@Component({
  selector: 'sp-checkbox-group',
  changeDetection: ChangeDetectionStrategy.OnPush,
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
      grid-template-columns: repeat(auto-fill, minmax(14rem, 1fr));
      gap: var(--ds-size-2) var(--ds-size-4);
    }
  `,
  template: `
    <fieldset class="ds-fieldset" tabindex="-1" [id]="groupId()" [attr.aria-describedby]="describedBy()">
      <legend class="ds-label">{{ legend() }}</legend>
      @if (hint(); as hint) {
        <p class="hint" [id]="groupId() + '-hint'">{{ hint }}</p>
      }
      <div class="choices">
        @for (option of options(); track option.id) {
          <div class="ds-field">
            <input
              class="ds-input"
              type="checkbox"
              [id]="groupId() + '-' + option.id"
              [checked]="chosen().has(option.id)"
              [disabled]="option.id === locked()"
              (change)="toggle(option.id, $any($event.target).checked)"
            />
            <label class="ds-label" [for]="groupId() + '-' + option.id">{{ option.name }}</label>
          </div>
        }
      </div>
      @if (error(); as error) {
        <p class="ds-validation-message" data-field="validation" [id]="groupId() + '-error'">{{ error }}</p>
      }
    </fieldset>
  `,
})
export class CheckboxGroup {
  readonly groupId = input.required<string>();
  readonly legend = input.required<string>();
  readonly options = input.required<readonly FieldOption[]>();
  readonly chosen = input.required<ReadonlySet<string>>();
  /** An option that stays ticked (your own organisation), or null. */
  readonly locked = input<string | null>(null);
  readonly hint = input<string | null>(null);
  /** Shown only when set: the parent decides when errors are visible. */
  readonly error = input<string | null>(null);
  readonly chosenChange = output<ReadonlySet<string>>();

  protected readonly describedBy = computed(() => {
    const id = this.groupId();
    const ids = [this.hint() ? `${id}-hint` : '', this.error() ? `${id}-error` : ''].filter(Boolean);
    return ids.length > 0 ? ids.join(' ') : null;
  });

  protected toggle(id: string, checked: boolean): void {
    const next = new Set(this.chosen());
    if (checked) next.add(id);
    else next.delete(id);
    this.chosenChange.emit(next);
  }
}
