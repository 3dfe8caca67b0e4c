import { ChangeDetectionStrategy, Component, computed, inject, output, signal } from '@angular/core';
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

/** The admin's form for adding an organisation; emits the organisation the API created. */
@Component({
  selector: 'sp-organization-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslatePipe, Field, FormShell],
  templateUrl: './organization-form.html',
  styleUrl: './organization-form.css',
})
export class OrganizationForm {
  private readonly api = inject(OrganizationsApi);
  private readonly i18n = inject(I18n);

  readonly created = output<OrganizationResponse>();

  protected readonly form = inject(NonNullableFormBuilder).group({
    name: ['', [notBlank, Validators.maxLength(200)]],
    kind: ['' as OrganizationKind | '', Validators.required],
    code: ['', Validators.pattern(/^\s*[0-9]{1,8}\s*$/)],
    country: ['NO' as Country, Validators.required],
  });
  protected readonly kinds = computed(() => ORGANIZATION_KINDS.map((kind) => ({ id: kind, name: this.i18n.t(`kinds.${kind}`) })));
  protected readonly countries = computed(() => COUNTRIES.map((country) => ({ id: country, name: this.i18n.t(`countries.${country}`) })));
  protected readonly createdName = signal<string | null>(null);

  protected readonly feedback = formFeedback(this.form, {
    name: 'organization',
    errors: () => {
      const { name, kind, code, country } = this.form.controls;
      return {
        name: name.hasError('required') ? 'organizations.nameRequired' : name.hasError('maxlength') ? 'organizations.nameTooLong' : null,
        kind: kind.hasError('required') ? 'organizations.kindRequired' : null,
        code: code.hasError('pattern') ? 'organizations.codeInvalid' : null,
        country: country.hasError('required') ? 'organizations.countryRequired' : null,
      };
    },
  });

  protected submit(): void {
    this.createdName.set(null);
    const { name, kind, code, country } = this.form.getRawValue();
    this.feedback.submit(
      () => (kind === '' ? null : this.api.create({ name: name.trim(), kind, country, ...(code.trim() ? { code: code.trim() } : {}) })),
      (organization) => {
        this.form.reset();
        this.createdName.set(organization.name);
        this.created.emit(organization);
      },
    );
  }
}
