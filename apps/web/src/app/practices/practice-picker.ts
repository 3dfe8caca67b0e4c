import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';
import type { PracticeSummary } from '@samspill/contracts';
import { SEARCH_MAX_LENGTH } from '@samspill/contracts/values';
import { dataResource } from '../core/data/data-resource';
import { TranslatePipe } from '../core/i18n/translate-pipe';
import { PracticesApi } from './practices-api';

let nextPicker = 0;

/**
 * Finds a practice to build on: a search inside the practice form (Enter
 * searches here rather than sending the form), each hit with a button that
 * adds it. What is already added is not offered again.
 */
@Component({
  selector: 'sp-practice-picker',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslatePipe],
  styles: `
    :host {
      display: grid;
      gap: var(--ds-size-3);
    }
    .row {
      display: flex;
      gap: var(--ds-size-2);
      align-items: end;
      flex-wrap: wrap;
    }
    ul {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: var(--ds-size-2);
    }
    li {
      display: flex;
      gap: var(--ds-size-3);
      align-items: center;
      flex-wrap: wrap;
    }
  `,
  template: `
    <div class="ds-field">
      <label class="ds-label" [for]="id">{{ 'learning.practices.basedOnSearch' | t }}</label>
      <div class="row">
        <input
          #q
          class="ds-input"
          type="search"
          [id]="id"
          [maxLength]="maxLength"
          (keydown.enter)="$event.preventDefault(); find(q.value)"
        />
        <button type="button" class="ds-button" data-variant="secondary" (click)="find(q.value)">
          {{ 'learning.practices.basedOnSearchButton' | t }}
        </button>
      </div>
    </div>
    <div role="status">
      @if (hits(); as hits) {
        @if (hits.length === 0) {
          <p class="ds-paragraph">{{ 'learning.practices.basedOnFoundNone' | t }}</p>
        }
      }
      @if (added(); as title) {
        <p class="ds-sr-only">{{ 'learning.practices.basedOnAdded' | t: { title } }}</p>
      }
    </div>
    @if (hits(); as hits) {
      @if (hits.length > 0) {
        <ul>
          @for (hit of hits; track hit.id) {
            <li>
              <span>{{ hit.title }} ({{ hit.organization.name }})</span>
              <button type="button" class="ds-button" data-size="sm" data-variant="secondary" (click)="pick(hit)">
                {{ 'learning.practices.basedOnAdd' | t: { title: hit.title } }}
              </button>
            </li>
          }
        </ul>
      }
    }
  `,
})
export class PracticePicker {
  private readonly api = inject(PracticesApi);

  /** Practices already chosen. */
  readonly excluded = input<ReadonlySet<string>>(new Set());
  readonly picked = output<PracticeSummary>();

  protected readonly id = `practice-picker-${++nextPicker}`;
  protected readonly maxLength = SEARCH_MAX_LENGTH;
  private readonly query = signal<string | undefined>(undefined);
  private readonly found = dataResource(
    () => this.query(),
    (q) => this.api.list({ q, limit: 8 }),
  );
  protected readonly hits = computed(() => this.found.value()?.items.filter((p) => !this.excluded().has(p.id)));
  protected readonly added = signal<string | null>(null);

  protected find(text: string): void {
    const q = text.trim();
    if (q) this.query.set(q);
  }

  protected pick(practice: PracticeSummary): void {
    this.added.set(practice.title);
    this.picked.emit(practice);
  }
}
