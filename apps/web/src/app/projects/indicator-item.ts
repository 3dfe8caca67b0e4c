import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  Injector,
  afterNextRender,
  computed,
  inject,
  input,
  output,
  signal,
} from '@angular/core';
import type { IndicatorResponse } from '@samspill/contracts';
import { RouterLink } from '@angular/router';
import { ProgressBar } from '@samspill/web-ui';
import { I18n } from '../core/i18n/i18n';
import { TranslatePipe } from '../core/i18n/translate-pipe';
import { MeasurementForm } from './measurement-form';

/** An indicator with its way from baseline to target, the latest measurement, and (for those who work on it) a new one. */
@Component({
  selector: 'sp-indicator-item',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, TranslatePipe, ProgressBar, MeasurementForm],
  templateUrl: './indicator-item.html',
  styleUrl: './indicator-item.css',
})
export class IndicatorItem {
  private readonly i18n = inject(I18n);
  private readonly injector = inject(Injector);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);

  readonly indicator = input.required<IndicatorResponse>();
  readonly canMeasure = input(false);
  /** For an admin: the organisations to measure for. */
  readonly organizations = input<readonly { id: string; name: string }[]>([]);
  readonly measured = output<string>();

  protected readonly measuring = signal(false);

  private readonly number = (value: number) => `${this.i18n.formatNumber(value)} ${this.indicator().unit}`;

  protected readonly goal = computed(() => {
    const i = this.indicator();
    return this.i18n.t('indicators.goal', {
      baseline: this.number(i.baseline),
      target: this.number(i.target),
      direction: this.i18n.t(`indicators.directions.${i.direction}`),
    });
  });

  /**
   * Progress per organisation that has measured, each from its own latest
   * measurement against its own figures (never another's number); one empty
   * bar for the indicator while no one has.
   */
  protected readonly progress = computed(() => {
    const i = this.indicator();
    const measured = i.byOrganization.filter((o) => o.latest !== null);
    if (measured.length === 0) return [{ label: i.name, share: null, text: this.i18n.t('indicators.noMeasurements') }];
    return measured.map((o) => {
      // The API applies the one progress rule (organizationProgress) to the organisation's own figures.
      const share = o.progress;
      return {
        label: `${i.name}, ${o.organization.name}`,
        share,
        text: this.i18n.t('indicators.progress', {
          percent: this.i18n.formatNumber(share ?? 0, { style: 'percent', maximumFractionDigits: 0 }),
          latest: this.number(o.latest?.value ?? 0),
          date: this.i18n.formatDate(`${o.latest?.measuredOn}T12:00:00`),
        }),
      };
    });
  });
  /** Participants that have not measured yet, once another has. */
  protected readonly notMeasured = computed(() => {
    const i = this.indicator();
    const names = i.byOrganization.filter((o) => o.latest === null).map((o) => o.organization.name);
    return names.length > 0 && names.length < i.byOrganization.length ? names.join(', ') : null;
  });

  protected readonly measurements = computed(() =>
    [...this.indicator().measurements].reverse().map((m) => ({
      id: m.id,
      value: this.number(m.value),
      date: this.i18n.formatDate(`${m.measuredOn}T12:00:00`),
      organization: m.organization?.name ?? '',
    })),
  );

  protected saved(): void {
    this.measuring.set(false);
    this.measured.emit(this.indicator().id);
    this.focus('.indicator');
  }

  protected cancel(): void {
    this.measuring.set(false);
    this.focus('.measure');
  }

  private focus(selector: string): void {
    afterNextRender({ read: () => this.host.nativeElement.querySelector<HTMLElement>(selector)?.focus() }, { injector: this.injector });
  }
}
