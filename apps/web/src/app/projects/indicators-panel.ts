import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import type { IndicatorResponse } from '@samspill/contracts';
import { dataResource } from '../core/data/data-resource';
import { LoadStatus } from '../core/data/load-status';
import { I18n } from '../core/i18n/i18n';
import { TranslatePipe } from '../core/i18n/translate-pipe';
import { focusAfterRender } from '../core/layout/focus-after-render';
import { IndicatorForm } from './indicator-form';
import { IndicatorItem } from './indicator-item';
import { ProjectsApi } from './projects-api';

/** The project's indicators, each with its progress, and a form to add one. */
@Component({
  selector: 'sp-indicators-panel',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslatePipe, LoadStatus, IndicatorForm, IndicatorItem],
  styles: `
    :host {
      display: grid;
      gap: var(--ds-size-4);
    }
    .indicators {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(min(100%, 22rem), 1fr));
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
    <div class="ds-sr-only" role="status">{{ announcement() }}</div>
    @if (indicators.value(); as list) {
      <ul class="indicators" role="list">
        @for (indicator of list; track indicator.id) {
          <li>
            <sp-indicator-item [indicator]="indicator" [canMeasure]="canWrite()" [organizations]="measureFor()" (measured)="measured()" />
          </li>
        } @empty {
          <li>{{ 'indicators.empty' | t }}</li>
        }
      </ul>
    } @else {
      <sp-load-status [data]="indicators" loadingText="indicators.loading" />
    }
    @if (canWrite()) {
      @if (adding()) {
        <div class="panel">
          <sp-indicator-form [projectId]="projectId()" (saved)="added($event)" (cancelled)="close()" />
        </div>
      } @else {
        <div>
          <button id="indicator-add" type="button" class="ds-button" data-variant="secondary" (click)="adding.set(true)">
            {{ 'indicators.addButton' | t }}
          </button>
        </div>
      }
    }
  `,
})
export class IndicatorsPanel {
  private readonly api = inject(ProjectsApi);
  private readonly i18n = inject(I18n);
  private readonly focus = focusAfterRender();

  readonly projectId = input.required<string>();
  readonly canWrite = input(false);
  /** For an admin, who belongs to no organisation: the participants to measure for. */
  readonly measureFor = input<readonly { id: string; name: string }[]>([]);

  protected readonly indicators = dataResource(
    () => this.projectId(),
    (id) => this.api.indicators(id),
  );
  protected readonly adding = signal(false);
  protected readonly announcement = signal('');

  protected measured(): void {
    this.announcement.set(this.i18n.t('indicators.measured'));
    this.indicators.reload();
  }

  protected added(indicator: IndicatorResponse): void {
    this.adding.set(false);
    this.announcement.set(this.i18n.t('indicators.added', { name: indicator.name }));
    this.indicators.reload(() => this.focus(`#indicator-${indicator.id}`));
  }

  protected close(): void {
    this.adding.set(false);
    this.focus('#indicator-add');
  }
}
