import { ChangeDetectionStrategy, Component, afterNextRender, computed, inject, input, output, viewChild } from '@angular/core';
import { NonNullableFormBuilder, Validators } from '@angular/forms';
import type { BenefitKind, BenefitResponse, BenefitUnit } from '@samspill/contracts';
import { BENEFIT_KINDS, BENEFIT_UNITS } from '@samspill/contracts/values';
import { Field } from '@samspill/web-ui';
import { formFeedback } from '../core/forms/form-feedback';
import { FormShell } from '../core/forms/form-shell';
import { notBlank } from '../core/forms/validators';
import { I18n } from '../core/i18n/i18n';
import { TranslatePipe } from '../core/i18n/translate-pipe';
import { MeasurementApi } from '../measurement/measurement-api';
import { parseNumber } from '../projects/parse-number';

const DESCRIPTION_MAX = 2000;

/**
 * A benefit: added for the person's own organisation (an admin says which),
 * or edited and realised against the version the person saw. Realised goes
 * with the day it was realised.
 */
@Component({
  selector: 'sp-benefit-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslatePipe, Field, FormShell],
  template: `
    @if (stale()) {
      <div class="ds-alert" data-color="warning" role="alert">
        <p class="ds-paragraph">{{ 'benefits.staleExplained' | t }}</p>
        <button type="button" class="ds-button" data-size="sm" data-variant="secondary" (click)="reloadRequested.emit()">
          {{ 'benefits.reload' | t }}
        </button>
      </div>
    }
    <sp-form
      [feedback]="feedback"
      [submitLabel]="(benefit() ? 'form.save' : 'benefits.add') | t"
      [cancelLabel]="'form.cancel' | t"
      size="sm"
      (submitted)="submit()"
      (cancelled)="cancelled.emit()"
    >
      @if (organizations().length > 0 && !benefit()) {
        <sp-field
          [control]="form.controls.organizationId"
          [feedback]="feedback.field('organization')"
          [label]="'benefits.organization' | t"
          [options]="organizations()"
        />
      }
      <div class="sp-form-row">
        <sp-field
          #first
          [control]="form.controls.kind"
          [feedback]="feedback.field('kind')"
          [label]="'benefits.kind' | t"
          [options]="kinds()"
          [placeholder]="'benefits.chooseKind' | t"
        />
        <sp-field
          [control]="form.controls.unit"
          [feedback]="feedback.field('unit')"
          [label]="'benefits.unit' | t"
          [options]="units()"
          [placeholder]="'benefits.chooseUnit' | t"
        />
      </div>
      <sp-field
        [control]="form.controls.description"
        [feedback]="feedback.field('description')"
        [label]="'benefits.description' | t"
        [rows]="2"
        [count]="descriptionCount()"
      />
      <div class="sp-form-row">
        <sp-field
          [control]="form.controls.identified"
          [feedback]="feedback.field('identified')"
          [label]="'benefits.identified' | t"
          [hint]="'benefits.identifiedHint' | t"
          inputmode="decimal"
        />
        <sp-field
          #realised
          [control]="form.controls.realised"
          [feedback]="feedback.field('realised')"
          [label]="'benefits.realised' | t"
          [optional]="'form.optional' | t"
          inputmode="decimal"
        />
        <sp-field
          [control]="form.controls.realisedOn"
          [feedback]="feedback.field('realisedOn')"
          [label]="'benefits.realisedOn' | t"
          [optional]="'form.optional' | t"
          type="date"
        />
      </div>
    </sp-form>
  `,
})
export class BenefitForm {
  private readonly api = inject(MeasurementApi);
  private readonly i18n = inject(I18n);

  readonly projectId = input.required<string>();
  /** Set when editing; realising is editing with the realised fields first. */
  readonly benefit = input<BenefitResponse | null>(null);
  readonly realising = input(false);
  /** For an admin only: the participants to record for. */
  readonly organizations = input<readonly { id: string; name: string }[]>([]);
  readonly saved = output<BenefitResponse>();
  readonly cancelled = output();
  readonly reloadRequested = output();

  private readonly first = viewChild.required<Field>('first');
  private readonly realisedField = viewChild.required<Field>('realised');
  protected readonly form = inject(NonNullableFormBuilder).group({
    organizationId: [''],
    kind: ['', Validators.required],
    unit: ['', Validators.required],
    description: ['', [notBlank, Validators.maxLength(DESCRIPTION_MAX)]],
    identified: ['', Validators.required],
    realised: [''],
    realisedOn: [''],
  });
  protected readonly kinds = computed(() => BENEFIT_KINDS.map((id) => ({ id, name: this.i18n.t(`benefits.kinds.${id}`) })));
  protected readonly units = computed(() => BENEFIT_UNITS.map((id) => ({ id, name: this.i18n.t(`benefits.units.${id}`) })));
  protected readonly feedback = formFeedback(this.form, {
    name: 'benefit',
    errors: () => {
      const c = this.form.controls;
      const identified = parseNumber(c.identified.value);
      const realised = c.realised.value.trim() === '' ? null : parseNumber(c.realised.value);
      return {
        organization: null,
        kind: c.kind.hasError('required') ? 'benefits.kindRequired' : null,
        unit: c.unit.hasError('required') ? 'benefits.unitRequired' : null,
        description:
          c.description.hasError('blank') || c.description.hasError('required')
            ? 'benefits.descriptionRequired'
            : c.description.hasError('maxlength')
              ? 'benefits.descriptionTooLong'
              : null,
        identified: c.identified.hasError('required')
          ? 'benefits.amountRequired'
          : identified === null || identified < 0
            ? 'benefits.amountInvalid'
            : null,
        realised:
          c.realised.value.trim() !== '' && (realised === null || realised < 0)
            ? 'benefits.amountInvalid'
            : c.realised.value.trim() === '' && c.realisedOn.value !== ''
              ? 'benefits.realisedRequired'
              : null,
        realisedOn: c.realised.value.trim() !== '' && c.realisedOn.value === '' ? 'benefits.realisedOnRequired' : null,
      };
    },
  });
  protected readonly descriptionCount = this.feedback.count(this.form.controls.description, DESCRIPTION_MAX);
  protected readonly stale = computed(() => this.feedback.problem()?.code === 'STALE_VERSION');

  constructor() {
    afterNextRender(() => {
      const b = this.benefit();
      if (b) {
        this.form.setValue({
          organizationId: b.organization.id,
          kind: b.kind,
          unit: b.unit,
          description: b.description,
          identified: String(b.identified),
          realised: b.realised === null ? '' : String(b.realised),
          realisedOn: b.realisedOn ?? '',
        });
      } else {
        this.form.controls.organizationId.setValue(this.organizations()[0]?.id ?? '');
      }
      (this.realising() ? this.realisedField() : this.first()).focus();
    });
  }

  protected submit(): void {
    const v = this.form.getRawValue();
    const identified = parseNumber(v.identified);
    const realised = v.realised.trim() === '' ? null : parseNumber(v.realised);
    const fields = {
      kind: v.kind as BenefitKind,
      unit: v.unit as BenefitUnit,
      description: v.description.trim(),
      identified: identified ?? 0,
      realised,
      realisedOn: realised === null ? null : v.realisedOn,
    };
    const existing = this.benefit();
    this.feedback.submit(
      () =>
        identified === null
          ? null
          : existing
            ? this.api.updateBenefit(existing.id, { ...fields, version: existing.version })
            : this.api.addBenefit(this.projectId(), {
                ...fields,
                realised: realised ?? undefined,
                realisedOn: realised === null ? undefined : v.realisedOn,
                ...(v.organizationId ? { organizationId: v.organizationId } : {}),
              }),
      (benefit) => this.saved.emit(benefit),
    );
  }
}
