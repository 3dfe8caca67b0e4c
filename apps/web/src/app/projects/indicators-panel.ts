import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  ElementRef,
  Injector,
  afterNextRender,
  computed,
  effect,
  inject,
  input,
  signal,
  untracked,
} from '@angular/core';
import type { IndicatorResponse } from '@samspill/contracts';
import { type Load, Loader, loadedValue } from '../collaboration/load';
import { LoadStatus } from '../collaboration/load-status';
import { I18n } from '../core/i18n/i18n';
import { TranslatePipe } from '../core/i18n/translate-pipe';
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
    @if (indicators(); as indicators) {
      <ul class="indicators" role="list">
        @for (indicator of indicators; track indicator.id) {
          <li>
            <sp-indicator-item [indicator]="indicator" [canMeasure]="canWrite()" [organizations]="measureFor()" (measured)="measured()" />
          </li>
        } @empty {
          <li>{{ 'indicators.empty' | t }}</li>
        }
      </ul>
    } @else {
      <sp-load-status [load]="load()" loadingText="indicators.loading" (retry)="loader.reload({ quiet: false })" />
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
  private readonly injector = inject(Injector);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);

  readonly projectId = input.required<string>();
  readonly canWrite = input(false);
  /** For an admin, who belongs to no organisation: the participants to measure for. */
  readonly measureFor = input<readonly { id: string; name: string }[]>([]);

  protected readonly load = signal<Load<IndicatorResponse[]>>({ state: 'loading' });
  protected readonly loader = new Loader(this.load, (id: string) => this.api.indicators(id), inject(DestroyRef));
  protected readonly indicators = computed(() => loadedValue(this.load()));
  protected readonly adding = signal(false);
  protected readonly announcement = signal('');

  constructor() {
    effect(() => {
      const id = this.projectId();
      untracked(() => this.loader.fetch(id));
    });
  }

  protected measured(): void {
    this.announcement.set(this.i18n.t('indicators.measured'));
    this.loader.reload();
  }

  protected added(indicator: IndicatorResponse): void {
    this.adding.set(false);
    this.announcement.set(this.i18n.t('indicators.added', { name: indicator.name }));
    this.loader.reload({ then: () => this.focus(`#indicator-${indicator.id}`) });
  }

  protected close(): void {
    this.adding.set(false);
    this.focus('#indicator-add');
  }

  private focus(selector: string): void {
    afterNextRender({ read: () => this.host.nativeElement.querySelector<HTMLElement>(selector)?.focus() }, { injector: this.injector });
  }
}
