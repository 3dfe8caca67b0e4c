import { ChangeDetectionStrategy, Component, computed, inject, input, output } from '@angular/core';
import { NonNullableFormBuilder, Validators } from '@angular/forms';
import type { OrganizationResponse } from '@samspill/contracts';
import { Field } from '@samspill/web-ui';
import { formFeedback } from '../core/forms/form-feedback';
import { FormShell } from '../core/forms/form-shell';
import { I18n } from '../core/i18n/i18n';
import { TranslatePipe } from '../core/i18n/translate-pipe';
import { OrganizationsApi } from './organizations-api';

/** A merger (kommunereform): the organisation becomes part of another, active one. */
@Component({
  selector: 'sp-merge-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslatePipe, Field, FormShell],
  template: `
    <p class="ds-paragraph">{{ 'organizationAdmin.mergeIntro' | t: { name: organization().name } }}</p>
    <sp-form
      [feedback]="feedback"
      [submitLabel]="'organizationAdmin.mergeSubmit' | t"
      [cancelLabel]="'form.cancel' | t"
      (submitted)="submit()"
      (cancelled)="cancelled.emit()"
    >
      <sp-field
        [control]="form.controls.successorId"
        [feedback]="feedback.field('successorId')"
        [label]="'organizationAdmin.successor' | t"
        [options]="successors()"
        [placeholder]="'organizationAdmin.chooseSuccessor' | t"
      />
    </sp-form>
  `,
})
export class MergeForm {
  private readonly api = inject(OrganizationsApi);
  private readonly i18n = inject(I18n);

  readonly organization = input.required<OrganizationResponse>();
  /** Every organisation: the active ones other than this one can take it in. */
  readonly organizations = input.required<readonly OrganizationResponse[]>();
  readonly merged = output<OrganizationResponse>();
  readonly cancelled = output();

  protected readonly successors = computed(() =>
    this.organizations()
      .filter((o) => o.active && o.id !== this.organization().id)
      .sort((a, b) => this.i18n.compare(a.name, b.name)),
  );
  protected readonly form = inject(NonNullableFormBuilder).group({ successorId: ['', Validators.required] });
  protected readonly feedback = formFeedback(this.form, {
    name: 'merge',
    errors: () => ({ successorId: this.form.controls.successorId.hasError('required') ? 'organizationAdmin.successorRequired' : null }),
  });

  protected submit(): void {
    const { successorId } = this.form.getRawValue();
    this.feedback.submit(
      () => this.api.setSuccessor(this.organization().id, { successorId }),
      (organization) => this.merged.emit(organization),
    );
  }
}
