import { ChangeDetectionStrategy, Component, OnInit, computed, inject, input, output } from '@angular/core';
import { NonNullableFormBuilder, Validators } from '@angular/forms';
import type { Country, OrganizationKind, OrganizationResponse } from '@samspill/contracts';
import { COUNTRIES, ORGANIZATION_KINDS } from '@samspill/contracts/values';
import { Field } from '@samspill/web-ui';
import { formFeedback } from '../core/forms/form-feedback';
import { FormShell } from '../core/forms/form-shell';
import { notBlank } from '../core/forms/validators';
import { I18n } from '../core/i18n/i18n';
import { TranslatePipe } from '../core/i18n/translate-pipe';
import { OrganizationsApi } from './organizations-api';

/** The admin corrects an organisation's name, official number, kind or country. */
@Component({
  selector: 'sp-organization-editor',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslatePipe, Field, FormShell],
  template: `
    <sp-form
      [feedback]="feedback"
      [submitLabel]="'form.save' | t"
      [cancelLabel]="'form.cancel' | t"
      (submitted)="submit()"
      (cancelled)="cancelled.emit()"
    >
      <sp-field
        [control]="form.controls.name"
        [feedback]="feedback.field('name')"
        [label]="'organizations.name' | t"
        autocomplete="organization"
      />
      <sp-field [control]="form.controls.kind" [feedback]="feedback.field('kind')" [label]="'organizations.kind' | t" [options]="kinds()" />
      <sp-field
        [control]="form.controls.code"
        [feedback]="feedback.field('code')"
        [label]="'organizations.code' | t"
        [optional]="'form.optional' | t"
        [hint]="'organizations.codeHint' | t"
        inputmode="numeric"
      />
      <sp-field
        [control]="form.controls.country"
        [feedback]="feedback.field('country')"
        [label]="'organizations.country' | t"
        [options]="countries()"
      />
    </sp-form>
  `,
})
export class OrganizationEditor implements OnInit {
  private readonly api = inject(OrganizationsApi);
  private readonly i18n = inject(I18n);

  readonly organization = input.required<OrganizationResponse>();
  readonly saved = output<OrganizationResponse>();
  readonly cancelled = output();

  protected readonly form = inject(NonNullableFormBuilder).group({
    name: ['', [notBlank, Validators.maxLength(200)]],
    kind: ['municipality' as OrganizationKind],
    code: ['', Validators.pattern(/^\s*[0-9]{1,8}\s*$/)],
    country: ['NO' as Country],
  });
  protected readonly kinds = computed(() => ORGANIZATION_KINDS.map((kind) => ({ id: kind, name: this.i18n.t(`kinds.${kind}`) })));
  protected readonly countries = computed(() => COUNTRIES.map((country) => ({ id: country, name: this.i18n.t(`countries.${country}`) })));
  protected readonly feedback = formFeedback(this.form, {
    name: 'organization-edit',
    errors: () => {
      const { name, code } = this.form.controls;
      return {
        name: name.hasError('required') ? 'organizations.nameRequired' : name.hasError('maxlength') ? 'organizations.nameTooLong' : null,
        kind: null,
        code: code.hasError('pattern') ? 'organizations.codeInvalid' : null,
        country: null,
      };
    },
  });

  ngOnInit(): void {
    const { name, kind, code, country } = this.organization();
    this.form.setValue({ name, kind, code: code ?? '', country });
  }

  protected submit(): void {
    const { name, kind, code, country } = this.form.getRawValue();
    const organization = this.organization();
    this.feedback.submit(
      () =>
        this.api.update(organization.id, { name: name.trim(), kind, country, code: code.trim() || null, version: organization.version }),
      (updated) => this.saved.emit(updated),
    );
  }
}
