import { ChangeDetectionStrategy, Component, Injector, afterNextRender, computed, inject, input, output, viewChild } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import type { Direction, IndicatorResponse } from '@samspill/contracts';
import { DIRECTIONS } from '@samspill/contracts/values';
import { ErrorSummary, TextField } from '@samspill/web-ui';
import { FormFeedback, uniqueFormId } from '../collaboration/form-feedback';
import { notBlank } from '../collaboration/validators';
import type { MessageKey } from '../core/i18n/messages';
import { I18n } from '../core/i18n/i18n';
import { TranslatePipe } from '../core/i18n/translate-pipe';
import { parseNumber } from './parse-number';
import { ProjectsApi } from './projects-api';

type Field = 'name' | 'unit' | 'baseline' | 'target';

/** Adds an indicator: what is measured, in what unit, where it started, where it should get to, and which way is better. */
@Component({
  selector: 'sp-indicator-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, TranslatePipe, ErrorSummary, TextField],
  templateUrl: './indicator-form.html',
  styleUrl: '../collaboration/forms.css',
})
export class IndicatorForm {
  private readonly api = inject(ProjectsApi);
  private readonly i18n = inject(I18n);

  readonly projectId = input.required<string>();
  readonly saved = output<IndicatorResponse>();
  readonly cancelled = output();

  protected readonly prefix = uniqueFormId('indicator');
  private readonly first = viewChild.required<TextField>('first');
  protected readonly directions = computed(() =>
    DIRECTIONS.map((direction) => ({ direction, label: this.i18n.t(`indicators.directions.${direction}`) })),
  );
  protected readonly form = inject(NonNullableFormBuilder).group({
    name: ['', [notBlank, Validators.maxLength(200)]],
    unit: ['', [notBlank, Validators.maxLength(50)]],
    baseline: ['', Validators.required],
    target: ['', Validators.required],
    direction: ['decrease' as Direction],
  });
  private readonly value = toSignal(this.form.valueChanges);
  private readonly summary = viewChild(ErrorSummary);
  protected readonly feedback = new FormFeedback<Field>(
    this.i18n,
    inject(Injector),
    { name: `${this.prefix}-name`, unit: `${this.prefix}-unit`, baseline: `${this.prefix}-baseline`, target: `${this.prefix}-target` },
    () => {
      const { name, unit, baseline, target } = this.form.controls;
      return {
        name: name.hasError('required') ? 'indicators.nameRequired' : name.hasError('maxlength') ? 'indicators.nameTooLong' : null,
        unit: unit.hasError('required') ? 'indicators.unitRequired' : unit.hasError('maxlength') ? 'indicators.unitTooLong' : null,
        baseline: this.numberError(baseline.value, 'indicators.baselineRequired'),
        target: this.numberError(target.value, 'indicators.targetRequired') ?? this.targetError(),
      };
    },
    computed(() => this.value()),
    this.summary,
  );

  constructor() {
    afterNextRender(() => this.first().focus());
  }

  private numberError(text: string, required: MessageKey): MessageKey | null {
    if (text.trim() === '') return required;
    return parseNumber(text) === null ? 'indicators.notANumber' : null;
  }

  /** The target must lie the way the direction says, or there is nothing to improve. */
  private targetError(): MessageKey | null {
    const { baseline, target, direction } = this.form.getRawValue();
    const from = parseNumber(baseline);
    const to = parseNumber(target);
    if (from === null || to === null) return null;
    if (from === to) return 'indicators.targetSame';
    if (direction === 'increase' && to < from) return 'indicators.targetBelow';
    if (direction === 'decrease' && to > from) return 'indicators.targetAbove';
    return null;
  }

  protected submit(): void {
    const { name, unit, baseline, target, direction } = this.form.getRawValue();
    const from = parseNumber(baseline);
    const to = parseNumber(target);
    if (!this.feedback.begin(this.feedback.valid()) || from === null || to === null) return;
    this.api.addIndicator(this.projectId(), { name: name.trim(), unit: unit.trim(), baseline: from, target: to, direction }).subscribe({
      next: (indicator) => {
        this.feedback.succeed();
        this.saved.emit(indicator);
      },
      error: (error: unknown) => this.feedback.fail(error),
    });
  }
}
