import { ChangeDetectionStrategy, Component, ElementRef, input, viewChild } from '@angular/core';

export interface ErrorSummaryItem {
  message: string;
  /** The id of the field to move to; without it the item is plain text. */
  fieldId?: string;
}

let nextId = 0;

/**
 * The list of problems shown above a form after a failed submit. The page
 * moves focus to it (`focus()`, or by its `summaryId`) so keyboard and
 * screen-reader users land on it.
 */
@Component({
  selector: 'sp-error-summary',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div #box class="ds-error-summary" tabindex="-1" [attr.id]="summaryId()" [attr.aria-labelledby]="headingId">
      <h2 class="ds-heading" data-size="xs" [id]="headingId">{{ heading() }}</h2>
      <ul class="ds-list">
        @for (item of items(); track $index) {
          <li>
            @if (item.fieldId; as fieldId) {
              <a class="ds-link" [href]="'#' + fieldId" (click)="moveTo($event, fieldId)">{{ item.message }}</a>
            } @else {
              {{ item.message }}
            }
          </li>
        }
      </ul>
    </div>
  `,
})
export class ErrorSummary {
  readonly heading = input.required<string>();
  readonly items = input.required<readonly ErrorSummaryItem[]>();
  /** An id for the focusable box, for a page that finds it by id. */
  readonly summaryId = input<string | null>(null);

  protected readonly headingId = `sp-error-summary-${++nextId}`;
  private readonly box = viewChild.required<ElementRef<HTMLElement>>('box');

  focus(): void {
    this.box().nativeElement.focus();
  }

  /** In-page links would otherwise go through <base href> and reload the app. */
  protected moveTo(event: Event, fieldId: string): void {
    event.preventDefault();
    this.box().nativeElement.ownerDocument.getElementById(fieldId)?.focus();
  }
}
