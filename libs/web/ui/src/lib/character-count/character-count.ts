import { ChangeDetectionStrategy, Component, input } from '@angular/core';

/**
 * How many characters are left, under a text field. The field names this
 * element in aria-describedby, so it is read when the field takes focus
 * rather than on every keystroke.
 */
@Component({
  selector: 'sp-character-count',
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    p {
      margin: 0;
      color: var(--ds-color-neutral-text-subtle);
      font-size: var(--ds-body-sm-font-size);
    }
    .over {
      color: var(--ds-color-danger-text-default);
      font-weight: var(--ds-font-weight-semibold);
    }
  `,
  template: `<p [id]="countId()" [class.over]="over()">{{ over() ? '⚠ ' : '' }}{{ text() }}</p>`,
})
export class CharacterCount {
  readonly countId = input.required<string>();
  /** "1 990 tegn igjen" or "12 tegn for mye", written by the parent in its language. */
  readonly text = input.required<string>();
  readonly over = input(false);
}
