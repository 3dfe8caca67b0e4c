import { ChangeDetectionStrategy, Component, input } from '@angular/core';

/** A stretch of text; `match` marks words a search found. */
export interface SnippetPart {
  text: string;
  match: boolean;
}

/**
 * A search hit's text with the matched words marked (`<mark>`, which screen
 * readers may announce as highlighted). The parts are plain text, shown as
 * text: nothing in them is ever read as markup.
 */
@Component({
  selector: 'sp-snippet',
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    mark {
      background: var(--ds-color-warning-surface-default);
      color: inherit;
      font-weight: var(--ds-font-weight-semibold);
      padding: 0 0.1em;
    }
  `,
  // Each part in an element of its own: whitespace between elements is dropped, the text's own spaces are kept.
  template: `
    @for (part of parts(); track $index) {
      @if (part.match) {
        <mark [textContent]="part.text"></mark>
      } @else {
        <span [textContent]="part.text"></span>
      }
    }
  `,
})
export class Snippet {
  readonly parts = input.required<readonly SnippetPart[]>();
}
