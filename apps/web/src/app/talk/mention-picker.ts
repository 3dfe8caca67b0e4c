import { ChangeDetectionStrategy, Component, DestroyRef, computed, inject, input, model, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import type { MentionCandidate, PersonRef } from '@samspill/contracts';
import { MENTIONS_MAX } from '@samspill/contracts/values';
import { Subject, catchError, debounceTime, distinctUntilChanged, of, switchMap } from 'rxjs';
import { I18n } from '../core/i18n/i18n';
import { TranslatePipe } from '../core/i18n/translate-pipe';
import { focusAfterRender } from '../core/layout/focus-after-render';
import { TalkApi, type ThreadOf } from './talk-api';

/** Fewer letters match too many people to be worth a request. */
const MIN_QUERY = 2;

let nextPicker = 0;

/**
 * Picks people to mention, from those who may see the thread (the API's list): an ARIA 1.2 combobox whose
 * list opens as the person types, walked with the arrow keys, chosen with Enter or a click, closed with
 * Escape. The chosen people are a list with a remove button each; what happens is said in a status region.
 */
@Component({
  selector: 'sp-mention-picker',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslatePipe],
  styles: `
    :host {
      display: grid;
      gap: var(--ds-size-2);
      position: relative;
    }
    .listbox {
      position: absolute;
      z-index: 2;
      top: 100%;
      left: 0;
      right: 0;
      max-height: 16rem;
      overflow-y: auto;
      margin: 0;
      padding: var(--ds-size-1) 0;
      list-style: none;
      background: var(--ds-color-neutral-background-default);
      border: 1px solid var(--ds-color-neutral-border-default);
      border-radius: var(--ds-border-radius-md);
      box-shadow: var(--ds-shadow-md);
    }
    .listbox li {
      padding: var(--ds-size-2) var(--ds-size-3);
      cursor: pointer;
    }
    .listbox li.active {
      background: var(--ds-color-accent-surface-default);
      outline: 2px solid var(--ds-color-accent-border-strong);
      outline-offset: -2px;
    }
    .org {
      color: var(--ds-color-neutral-text-subtle);
    }
    .chosen {
      display: flex;
      flex-wrap: wrap;
      gap: var(--ds-size-2);
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .chosen li {
      display: inline-flex;
      align-items: center;
      gap: var(--ds-size-1);
      padding-left: var(--ds-size-3);
      border-radius: var(--ds-border-radius-full);
      background: var(--ds-color-accent-surface-tinted);
    }
  `,
  template: `
    <div class="ds-field">
      <label class="ds-label" [for]="id + '-input'">
        {{ 'talk.thread.mentions' | t }} <span class="ds-sr-only">({{ 'talk.thread.mentionsOptional' | t }})</span>
      </label>
      <p data-field="description" [id]="id + '-hint'">{{ 'talk.thread.mentionsHint' | t }}</p>
      <input
        class="ds-input"
        type="text"
        role="combobox"
        autocomplete="off"
        aria-autocomplete="list"
        [id]="id + '-input'"
        [attr.aria-expanded]="open()"
        [attr.aria-controls]="id + '-list'"
        [attr.aria-activedescendant]="activeId()"
        [attr.aria-describedby]="id + '-hint'"
        [value]="query()"
        (input)="search($any($event.target).value)"
        (keydown)="key($event)"
        (blur)="close()"
      />
    </div>
    <ul class="listbox" role="listbox" [id]="id + '-list'" [attr.aria-label]="'talk.thread.mentions' | t" [hidden]="!open()">
      @for (person of options(); track person.id; let i = $index) {
        <!-- An ARIA combobox: focus stays in the search field, which takes the keys; a click chooses too. -->
        <!-- eslint-disable-next-line @angular-eslint/template/click-events-have-key-events, @angular-eslint/template/interactive-supports-focus -->
        <li
          role="option"
          [id]="id + '-option-' + i"
          [class.active]="i === active()"
          [attr.aria-selected]="i === active()"
          (mousedown)="$event.preventDefault()"
          (click)="choose(person)"
        >
          {{ person.name }} <span class="org">· {{ person.organization.name }}</span>
        </li>
      }
    </ul>
    <div class="ds-sr-only" role="status">{{ status() }}</div>
    @if (chosen().length > 0) {
      <p class="ds-label" [id]="id + '-chosen'">{{ 'talk.thread.mentioned' | t }}</p>
      <ul class="chosen" [attr.aria-labelledby]="id + '-chosen'">
        @for (person of chosen(); track person.id) {
          <li>
            {{ person.name }}
            <button
              type="button"
              class="ds-button"
              data-variant="tertiary"
              data-size="sm"
              [attr.aria-label]="'talk.thread.removeMention' | t: { name: person.name }"
              (click)="remove(person)"
            >
              <span aria-hidden="true">×</span>
            </button>
          </li>
        }
      </ul>
    }
  `,
})
export class MentionPicker {
  private readonly api = inject(TalkApi);
  private readonly i18n = inject(I18n);
  private readonly focus = focusAfterRender();

  readonly thread = input.required<ThreadOf>();
  /** The people chosen so far. */
  readonly chosen = model<PersonRef[]>([]);

  protected readonly id = `mention-${++nextPicker}`;
  protected readonly query = signal('');
  private readonly results = signal<MentionCandidate[] | null>(null);
  protected readonly active = signal(-1);
  private readonly dismissed = signal(false);
  protected readonly status = signal('');

  /** The matches not already chosen. */
  protected readonly options = computed(() => {
    const chosen = new Set(this.chosen().map((person) => person.id));
    return (this.results() ?? []).filter((person) => !chosen.has(person.id));
  });
  protected readonly open = computed(() => !this.dismissed() && this.options().length > 0);
  protected readonly activeId = computed(() => (this.open() && this.active() >= 0 ? `${this.id}-option-${this.active()}` : null));

  private readonly queries = new Subject<string>();

  constructor() {
    this.queries
      .pipe(
        debounceTime(250),
        distinctUntilChanged(),
        switchMap((q) => (q.length < MIN_QUERY ? of(null) : this.api.mentionable(this.thread(), q).pipe(catchError(() => of(null))))),
        takeUntilDestroyed(inject(DestroyRef)),
      )
      .subscribe((results) => {
        this.results.set(results);
        this.active.set(-1);
        this.dismissed.set(false);
        if (results) {
          const count = this.options().length;
          this.status.set(count > 0 ? this.i18n.t('talk.thread.mentionResults', { count }) : this.i18n.t('talk.thread.mentionNoResults'));
        }
      });
  }

  protected search(value: string): void {
    this.query.set(value);
    this.queries.next(value.trim());
  }

  protected key(event: KeyboardEvent): void {
    const count = this.options().length;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (count === 0) return;
      event.preventDefault();
      this.dismissed.set(false);
      const step = event.key === 'ArrowDown' ? 1 : -1;
      this.active.update((i) => (i < 0 && step < 0 ? count - 1 : (i + step + count) % count));
    } else if (event.key === 'Enter') {
      // Enter in the search field chooses; it never sends the form around it.
      event.preventDefault();
      const person = this.open() ? this.options()[this.active()] : undefined;
      if (person) this.choose(person);
    } else if (event.key === 'Escape' && this.open()) {
      event.preventDefault();
      this.close();
    }
  }

  protected choose(person: MentionCandidate): void {
    if (this.chosen().length >= MENTIONS_MAX) return;
    this.chosen.update((chosen) => [...chosen, { id: person.id, name: person.name }]);
    this.query.set('');
    this.results.set(null);
    this.queries.next('');
    this.active.set(-1);
    this.status.set(this.i18n.t('talk.thread.mentionAdded', { name: person.name }));
  }

  protected remove(person: PersonRef): void {
    this.chosen.update((chosen) => chosen.filter((p) => p.id !== person.id));
    this.status.set(this.i18n.t('talk.thread.mentionRemoved', { name: person.name }));
    // The button is gone with the person: the search field is where the person goes on from.
    this.focus(`#${this.id}-input`);
  }

  protected close(): void {
    this.dismissed.set(true);
    this.active.set(-1);
  }
}
