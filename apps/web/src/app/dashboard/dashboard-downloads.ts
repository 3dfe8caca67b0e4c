import { DOCUMENT, ChangeDetectionStrategy, Component, DestroyRef, inject, input, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import type { Observable } from 'rxjs';
import { toApiProblem } from '../core/http/api-error';
import { I18n } from '../core/i18n/i18n';
import type { MessageKey } from '../core/i18n/messages';
import { TranslatePipe } from '../core/i18n/translate-pipe';
import { DashboardApi } from './dashboard-api';
import { downloadName, saveBlob } from './download';

type Kind = 'csv' | 'pdf';

/** The project list for Excel and the council report, fetched with the session's token and saved as files. */
@Component({
  selector: 'sp-dashboard-downloads',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslatePipe],
  styles: `
    .buttons {
      display: flex;
      flex-wrap: wrap;
      gap: var(--ds-size-3);
    }
    /* Always present (an alert region must exist before its message does), taking room only when it speaks. */
    .feedback:not(:empty) {
      margin-block-start: var(--ds-size-3);
    }
    @media print {
      :host {
        display: none;
      }
    }
  `,
  template: `
    <div class="buttons">
      <button
        type="button"
        class="ds-button"
        data-variant="secondary"
        [attr.aria-disabled]="busy() === 'csv' ? true : null"
        (click)="download('csv')"
      >
        {{ (busy() === 'csv' ? 'dashboard.downloads.working' : 'dashboard.downloads.csv') | t }}
      </button>
      <button
        type="button"
        class="ds-button"
        data-variant="secondary"
        [attr.aria-disabled]="busy() === 'pdf' ? true : null"
        (click)="download('pdf')"
      >
        {{ (busy() === 'pdf' ? 'dashboard.downloads.working' : 'dashboard.downloads.pdf') | t }}
      </button>
    </div>
    <div class="feedback" role="alert">
      @if (failure(); as key) {
        <p class="ds-validation-message" data-color="danger">{{ 'dashboard.downloads.failed' | t }} {{ key | t }}</p>
      }
    </div>
  `,
})
export class DashboardDownloads {
  private readonly api = inject(DashboardApi);
  private readonly i18n = inject(I18n);
  private readonly document = inject(DOCUMENT);
  private readonly destroyRef = inject(DestroyRef);

  readonly partnership = input.required<{ id: string; name: string }>();

  protected readonly busy = signal<Kind | null>(null);
  protected readonly failure = signal<MessageKey | null>(null);

  protected download(kind: Kind): void {
    if (this.busy()) return;
    const { id, name } = this.partnership();
    const request: Observable<Blob> = kind === 'csv' ? this.api.projectsCsv(id) : this.api.report(id);
    const prefix = this.i18n.t(kind === 'csv' ? 'dashboard.downloads.csvFile' : 'dashboard.downloads.pdfFile');
    this.busy.set(kind);
    this.failure.set(null);
    request.pipe(takeUntilDestroyed(this.destroyRef)).subscribe({
      next: (blob) => {
        this.busy.set(null);
        saveBlob(this.document, blob, downloadName(prefix, name, kind));
      },
      error: (error: unknown) => {
        this.busy.set(null);
        this.failure.set(toApiProblem(error).key);
      },
    });
  }
}
