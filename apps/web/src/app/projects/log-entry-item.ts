import { ChangeDetectionStrategy, Component, computed, inject, input, output } from '@angular/core';
import type { LogEntryResponse } from '@samspill/contracts';
import { I18n } from '../core/i18n/i18n';
import { TranslatePipe } from '../core/i18n/translate-pipe';

/** One improvement-log entry; an edited one says so and keeps every earlier wording a click away. */
@Component({
  selector: 'sp-log-entry-item',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslatePipe],
  styleUrl: './log-entry-item.css',
  template: `
    @let e = entry();
    <article class="entry" tabindex="-1" [id]="'log-' + e.id" [attr.aria-labelledby]="'log-' + e.id + '-title'">
      <header class="head">
        <span class="ds-tag" [attr.data-color]="color()" [id]="'log-' + e.id + '-title'">{{ kind() }}</span>
        <time [attr.datetime]="e.occurredOn">{{ date() }}</time>
        @if (e.revisions.length > 0) {
          <span class="edited">{{ 'projectLog.edited' | t }}</span>
        }
      </header>
      <p class="text">{{ e.text }}</p>
      <p class="by">{{ by() }}</p>
      @if (e.revisions.length > 0) {
        <details class="ds-details">
          <summary>{{ 'projectLog.earlierWording' | t: { count: e.revisions.length } }}</summary>
          <div>
            <ol class="revisions">
              @for (revision of revisions(); track $index) {
                <li>
                  <p class="label">{{ revision.label }}</p>
                  <p class="text">{{ revision.text }}</p>
                </li>
              }
            </ol>
          </div>
        </details>
      }
      @if (canEdit()) {
        <div>
          <button type="button" class="ds-button" data-size="sm" data-variant="tertiary" (click)="edit.emit()">
            {{ 'projectLog.edit' | t }}<span class="ds-sr-only">: {{ kind() }}, {{ date() }}</span>
          </button>
        </div>
      }
    </article>
  `,
})
export class LogEntryItem {
  private readonly i18n = inject(I18n);

  readonly entry = input.required<LogEntryResponse>();
  readonly canEdit = input(false);
  readonly edit = output();

  protected readonly kind = computed(() => this.i18n.t(`logKinds.${this.entry().kind}.name`));
  protected readonly color = computed(
    () => ({ observation: 'neutral', experiment: 'info', result: 'success', lesson: 'warning', decision: 'accent' })[this.entry().kind],
  );
  protected readonly date = computed(() => this.i18n.formatDate(`${this.entry().occurredOn}T12:00:00`));
  protected readonly by = computed(() => {
    const e = this.entry();
    return this.i18n.t('projectLog.by', { name: e.author.name, organization: e.organization.name });
  });
  /** Oldest first: the first is what was originally written. */
  protected readonly revisions = computed(() =>
    this.entry().revisions.map((r, i) => ({
      text: r.text,
      label: this.i18n.t(i === 0 ? 'projectLog.original' : 'projectLog.revision', {
        kind: this.i18n.t(`logKinds.${r.kind}.name`),
        date: this.i18n.formatDate(`${r.occurredOn}T12:00:00`),
        name: r.editedBy.name,
        edited: this.i18n.formatDate(r.editedAt),
      }),
    })),
  );
}
