import { ChangeDetectionStrategy, Component, afterNextRender, computed, inject, input, output, viewChild } from '@angular/core';
import { NonNullableFormBuilder, Validators } from '@angular/forms';
import type { Direction, IndicatorResponse } from '@samspill/contracts';
import { DIRECTIONS } from '@samspill/contracts/values';
import { ChoiceGroup, Field } from '@samspill/web-ui';
import { formFeedback } from '../core/forms/form-feedback';
import { FormShell } from '../core/forms/form-shell';
import { notBlank } from '../core/forms/validators';
import { I18n } from '../core/i18n/i18n';
import type { MessageKey } from '../core/i18n/messages';
import { TranslatePipe } from '../core/i18n/translate-pipe';
import { parseNumber } from './parse-number';
import { ProjectsApi } from './projects-api';

/** Adds an indicator: what is measured, in what unit, where it started, where it should get to, and which way is better. */
@Component({
  selector: 'sp-indicator-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslatePipe, ChoiceGroup, Field, FormShell],
  templateUrl: './indicator-form.html',
})
export class IndicatorForm {
  private readonly api = inject(ProjectsApi);
  private readonly i18n = inject(I18n);

  readonly projectId = input.required<string>();
  readonly saved = output<IndicatorResponse>();
  readonly cancelled = output();

  private readonly first = viewChild.required<Field>('first');
  protected readonly directions = computed(() =>
    DIRECTIONS.map((direction) => ({ id: direction, name: this.i18n.t(`indicators.directions.${direction}`) })),
  );
  protected readonly form = inject(NonNullableFormBuilder).group({
    name: ['', [notBlank, Validators.maxLength(200)]],
    unit: ['', [notBlank, Validators.maxLength(50)]],
    baseline: ['', Validators.required],
    target: ['', Validators.required],
    direction: ['decrease' as Direction],
  });
  protected readonly feedback = formFeedback(this.form, {
    name: 'indicator',
    errors: () => {
      const { name, unit, baseline, target } = this.form.controls;
      return {
        name: name.hasError('required') ? 'indicators.nameRequired' : name.hasError('maxlength') ? 'indicators.nameTooLong' : null,
        unit: unit.hasError('required') ? 'indicators.unitRequired' : unit.hasError('maxlength') ? 'indicators.unitTooLong' : null,
        direction: null,
        baseline: this.numberError(baseline.value, 'indicators.baselineRequired'),
        target: this.numberError(target.value, 'indicators.targetRequired') ?? this.targetError(),
      };
    },
  });

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
    this.feedback.submit(
      () =>
        from === null || to === null
          ? null
          : this.api.addIndicator(this.projectId(), { name: name.trim(), unit: unit.trim(), baseline: from, target: to, direction }),
      (indicator) => this.saved.emit(indicator),
    );
  }
}
