import { ChangeDetectionStrategy, Component, Injector, afterNextRender, computed, inject, output, signal, viewChild } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { AbstractControl, NonNullableFormBuilder, ReactiveFormsModule, ValidationErrors, Validators } from '@angular/forms';
import type { Country, OrganizationKind, OrganizationResponse } from '@samspill/contracts';
import { ErrorSummary, type ErrorSummaryItem } from '@samspill/web-ui';
import { type ApiProblem, toApiProblem } from '../core/http/api-error';
import { I18n } from '../core/i18n/i18n';
import type { MessageKey } from '../core/i18n/messages';
import { nb } from '../core/i18n/nb';
import { TranslatePipe } from '../core/i18n/translate-pipe';
import { OrganizationsApi } from './organizations-api';

// The dictionary must name every kind and country (its type says so), so its keys are the full lists.
const KINDS = Object.keys(nb.kinds) as OrganizationKind[];
const COUNTRIES = Object.keys(nb.countries) as Country[];

type Field = 'name' | 'kind' | 'code' | 'country';
const FIELD_IDS: Record<Field, string> = { name: 'org-name', kind: 'org-kind', code: 'org-code', country: 'org-country' };

function notBlank(control: AbstractControl<string>): ValidationErrors | null {
  return control.value.trim() === '' ? { required: true } : null;
}

/** The admin's form for adding an organisation; emits the organisation the API created. */
@Component({
  selector: 'sp-organization-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, TranslatePipe, ErrorSummary],
  templateUrl: './organization-form.html',
  styleUrl: './organization-form.css',
})
export class OrganizationForm {
  private readonly api = inject(OrganizationsApi);
  private readonly i18n = inject(I18n);
  private readonly injector = inject(Injector);

  readonly created = output<OrganizationResponse>();

  protected readonly ids = FIELD_IDS;
  protected readonly form = inject(NonNullableFormBuilder).group({
    name: ['', [notBlank, Validators.maxLength(200)]],
    kind: ['' as OrganizationKind | '', Validators.required],
    code: ['', Validators.pattern(/^\s*[0-9]{1,8}\s*$/)],
    country: ['NO' as Country, Validators.required],
  });
  protected readonly kinds = computed(() => KINDS.map((kind) => ({ kind, name: this.i18n.t(`kinds.${kind}`) })));
  protected readonly countries = computed(() => COUNTRIES.map((country) => ({ country, name: this.i18n.t(`countries.${country}`) })));

  protected readonly submitted = signal(false);
  protected readonly pending = signal(false);
  protected readonly problem = signal<ApiProblem | null>(null);
  protected readonly createdName = signal<string | null>(null);

  private readonly summary = viewChild(ErrorSummary);
  private readonly value = toSignal(this.form.valueChanges);

  protected readonly fieldErrors = computed<Record<Field, MessageKey | null>>(() => {
    this.value();
    const none = { name: null, kind: null, code: null, country: null };
    if (!this.submitted()) return none;
    const { name, kind, code, country } = this.form.controls;
    return {
      name: name.hasError('required') ? 'organizations.nameRequired' : name.hasError('maxlength') ? 'organizations.nameTooLong' : null,
      kind: kind.hasError('required') ? 'organizations.kindRequired' : null,
      code: code.hasError('pattern') ? 'organizations.codeInvalid' : null,
      country: country.hasError('required') ? 'organizations.countryRequired' : null,
    };
  });

  protected readonly summaryHeading = computed(() => this.i18n.t(this.problem() ? 'errors.heading' : 'form.errorSummaryHeading'));

  protected readonly summaryItems = computed<ErrorSummaryItem[]>(() => {
    const problem = this.problem();
    if (problem) {
      const items: ErrorSummaryItem[] = [{ message: this.i18n.t(problem.key) }];
      if (problem.detail) items.push({ message: this.i18n.t('errors.details', { message: problem.detail }) });
      return items;
    }
    const errors = this.fieldErrors();
    return (Object.keys(errors) as Field[]).flatMap((field) => {
      const key = errors[field];
      return key ? [{ fieldId: FIELD_IDS[field], message: this.i18n.t(key) }] : [];
    });
  });

  protected describedBy(field: Field, hint?: string): string | null {
    const ids = [hint, this.fieldErrors()[field] ? `${FIELD_IDS[field]}-error` : undefined].filter(Boolean);
    return ids.length > 0 ? ids.join(' ') : null;
  }

  protected submit(): void {
    if (this.pending()) return;
    this.submitted.set(true);
    this.problem.set(null);
    this.createdName.set(null);
    const { name, kind, code, country } = this.form.getRawValue();
    if (this.form.invalid || kind === '') {
      this.focusSummary();
      return;
    }
    this.pending.set(true);
    this.api.create({ name: name.trim(), kind, country, ...(code.trim() ? { code: code.trim() } : {}) }).subscribe({
      next: (organization) => {
        this.pending.set(false);
        this.submitted.set(false);
        this.form.reset();
        this.createdName.set(organization.name);
        this.created.emit(organization);
      },
      error: (error: unknown) => {
        this.pending.set(false);
        this.problem.set(toApiProblem(error));
        this.focusSummary();
      },
    });
  }

  private focusSummary(): void {
    afterNextRender({ read: () => this.summary()?.focus() }, { injector: this.injector });
  }
}
