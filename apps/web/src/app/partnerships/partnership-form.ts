import { ChangeDetectionStrategy, Component, Injector, OnInit, computed, inject, input, output, signal, viewChild } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import type { OrganizationResponse, PartnershipResponse, Visibility } from '@samspill/contracts';
import { VISIBILITIES } from '@samspill/contracts/values';
import { ErrorSummary, TextField } from '@samspill/web-ui';
import { injectActor } from '../collaboration/actor';
import { characterCount } from '../collaboration/character-count-text';
import { FormFeedback, uniqueFormId } from '../collaboration/form-feedback';
import { notBlank } from '../collaboration/validators';
import { I18n } from '../core/i18n/i18n';
import { TranslatePipe } from '../core/i18n/translate-pipe';
import { OrganizationsApi } from '../organizations/organizations-api';
import { PartnershipsApi } from './partnerships-api';

type Field = 'name' | 'description' | 'members';
const DESCRIPTION_MAX = 5000;

/** Creates a partnership, or (given `partnership`) edits its name, description, members and visibility. */
@Component({
  selector: 'sp-partnership-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, TranslatePipe, ErrorSummary, TextField],
  templateUrl: './partnership-form.html',
  styleUrl: '../collaboration/forms.css',
})
export class PartnershipForm implements OnInit {
  private readonly api = inject(PartnershipsApi);
  private readonly i18n = inject(I18n);
  private readonly actor = injectActor();

  readonly partnership = input<PartnershipResponse | null>(null);
  readonly saved = output<PartnershipResponse>();
  readonly cancelled = output();

  protected readonly prefix = uniqueFormId('partnership');
  protected readonly form = inject(NonNullableFormBuilder).group({
    name: ['', [notBlank, Validators.maxLength(200)]],
    description: ['', Validators.maxLength(DESCRIPTION_MAX)],
    visibility: ['members' as Visibility],
  });
  protected readonly visibilityOptions = computed(() =>
    VISIBILITIES.map((value) => ({
      value,
      label: this.i18n.t(`partnerships.visibilities.${value}`),
      hint: this.i18n.t(`partnerships.visibilityHints.${value}`),
    })),
  );
  protected readonly memberIds = signal<ReadonlySet<string>>(new Set());
  private readonly organizations = toSignal(inject(OrganizationsApi).list(), { initialValue: [] as OrganizationResponse[] });
  private readonly value = toSignal(this.form.valueChanges);

  /** A leader's own organisation is always a member (the API adds it); an admin chooses freely. */
  protected readonly ownId = computed(() => (this.actor().role === 'admin' ? null : this.actor().organizationId));
  protected readonly options = computed(() => [...this.organizations()].sort((a, b) => this.i18n.compare(a.name, b.name)));
  private readonly chosen = computed(() => {
    const ids = new Set(this.memberIds());
    const own = this.ownId();
    if (own) ids.add(own);
    return ids;
  });

  private readonly summary = viewChild(ErrorSummary);
  protected readonly feedback = new FormFeedback<Field>(
    this.i18n,
    inject(Injector),
    { name: `${this.prefix}-name`, description: `${this.prefix}-description`, members: `${this.prefix}-members` },
    () => {
      const { name, description } = this.form.controls;
      return {
        name: name.hasError('required') ? 'partnerships.nameRequired' : name.hasError('maxlength') ? 'partnerships.nameTooLong' : null,
        description: description.hasError('maxlength') ? 'partnerships.descriptionTooLong' : null,
        members: this.chosen().size < 2 ? 'partnerships.membersTooFew' : null,
      };
    },
    computed(() => [this.value(), this.memberIds()]),
    this.summary,
  );

  protected readonly descriptionCount = computed(() => {
    this.value();
    return characterCount(this.i18n, this.form.controls.description.value, DESCRIPTION_MAX);
  });

  ngOnInit(): void {
    const partnership = this.partnership();
    if (partnership) {
      this.form.setValue({ name: partnership.name, description: partnership.description, visibility: partnership.visibility });
      this.memberIds.set(new Set(partnership.members.map((m) => m.id)));
    }
  }

  protected isChosen(id: string): boolean {
    return this.chosen().has(id);
  }

  protected toggle(id: string, checked: boolean): void {
    this.memberIds.update((ids) => {
      const next = new Set(ids);
      if (checked) next.add(id);
      else next.delete(id);
      return next;
    });
  }

  protected submit(): void {
    if (!this.feedback.begin(this.form.valid && this.chosen().size >= 2)) return;
    const { name, description, visibility } = this.form.getRawValue();
    const body = { name: name.trim(), description: description.trim(), memberIds: [...this.chosen()], visibility };
    const existing = this.partnership();
    (existing ? this.api.update(existing.id, body) : this.api.create(body)).subscribe({
      next: (partnership) => {
        this.feedback.succeed();
        if (!existing) {
          this.form.reset();
          this.memberIds.set(new Set());
        }
        this.saved.emit(partnership);
      },
      error: (error: unknown) => this.feedback.fail(error),
    });
  }
}
