import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import type { LogEntryResponse } from '@samspill/contracts';
import { isAuthorOrAdmin } from '@samspill/domain';
import { Auth } from '../core/auth/auth';
import { dataResource } from '../core/data/data-resource';
import { LoadStatus } from '../core/data/load-status';
import { I18n } from '../core/i18n/i18n';
import { TranslatePipe } from '../core/i18n/translate-pipe';
import { focusAfterRender } from '../core/layout/focus-after-render';
import { LogEntryForm } from './log-entry-form';
import { LogEntryItem } from './log-entry-item';
import { ProjectsApi } from './projects-api';

/** The improvement log, newest first, with a form for those who work on the project. */
@Component({
  selector: 'sp-improvement-log',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslatePipe, LoadStatus, LogEntryForm, LogEntryItem],
  styles: `
    :host {
      display: grid;
      gap: var(--ds-size-4);
    }
    .entries {
      display: grid;
      gap: var(--ds-size-3);
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .panel {
      padding: var(--ds-size-5);
      border: 1px solid var(--ds-color-accent-border-subtle);
      border-radius: var(--ds-border-radius-lg);
    }
  `,
  template: `
    @if (canWrite()) {
      @if (editing() === 'new') {
        <div class="panel">
          <sp-log-entry-form [projectId]="projectId()" (saved)="saved($event)" (cancelled)="close('#log-add')" />
        </div>
      } @else {
        <div>
          <button id="log-add" type="button" class="ds-button" data-variant="secondary" (click)="editing.set('new')">
            {{ 'projectLog.addButton' | t }}
          </button>
        </div>
      }
    }
    <div class="ds-sr-only" role="status">{{ announcement() }}</div>
    @if (log.value(); as entries) {
      <ul class="entries" role="list">
        @for (entry of entries; track entry.id) {
          <li>
            @if (editing() === entry.id) {
              <div class="panel">
                <sp-log-entry-form
                  [projectId]="projectId()"
                  [entry]="entry"
                  (saved)="saved($event)"
                  (cancelled)="close('#log-' + entry.id)"
                />
              </div>
            } @else {
              <sp-log-entry-item [entry]="entry" [canEdit]="canEditEntry(entry)" (edit)="editing.set(entry.id)" />
            }
          </li>
        } @empty {
          <li>{{ 'projectLog.empty' | t }}</li>
        }
      </ul>
    } @else {
      <sp-load-status [data]="log" loadingText="projectLog.loading" />
    }
  `,
})
export class ImprovementLog {
  private readonly api = inject(ProjectsApi);
  private readonly i18n = inject(I18n);
  private readonly auth = inject(Auth);
  private readonly focus = focusAfterRender();

  readonly projectId = input.required<string>();
  /** From the shared policy: staff and leaders of a participating organisation (and admins). */
  readonly canWrite = input(false);

  protected readonly log = dataResource(
    () => this.projectId(),
    (id) => this.api.log(id),
  );
  /** 'new', an entry's id, or null. */
  protected readonly editing = signal<string | null>(null);
  protected readonly announcement = signal('');

  /** Only the author rewords an entry (an admin may too), as the API decides. */
  protected canEditEntry(entry: LogEntryResponse): boolean {
    const user = this.auth.user();
    if (!user || !this.canWrite()) return false;
    return isAuthorOrAdmin(
      { role: user.role, organizationId: user.organization?.id ?? null, userId: user.id },
      { authorId: entry.author.id },
    );
  }

  protected saved(entry: LogEntryResponse): void {
    const added = this.editing() === 'new';
    this.editing.set(null);
    this.announcement.set(this.i18n.t(added ? 'projectLog.added' : 'projectLog.saved'));
    this.log.reload(() => this.focus(`#log-${entry.id}`));
  }

  protected close(selector: string): void {
    this.editing.set(null);
    this.focus(selector);
  }
}
