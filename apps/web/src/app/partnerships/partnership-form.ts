import { ChangeDetectionStrategy, Component, OnInit, computed, inject, input, output, signal } from '@angular/core';
import { NonNullableFormBuilder, Validators } from '@angular/forms';
import type { PartnershipResponse, Visibility } from '@samspill/contracts';
import { VISIBILITIES } from '@samspill/contracts/values';
import { ChoiceGroup, Field } from '@samspill/web-ui';
import { injectActor } from '../core/auth/actor';
import { dataResource } from '../core/data/data-resource';
import { formFeedback } from '../core/forms/form-feedback';
import { FormShell } from '../core/forms/form-shell';
import { notBlank } from '../core/forms/validators';
import { I18n } from '../core/i18n/i18n';
import { TranslatePipe } from '../core/i18n/translate-pipe';
import { OrganizationsApi } from '../organizations/organizations-api';
import { PartnershipsApi } from './partnerships-api';

const DESCRIPTION_MAX = 5000;

/** Creates a partnership, or (given `partnership`) edits its name, description, members and visibility. */
@Component({
  selector: 'sp-partnership-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslatePipe, ChoiceGroup, Field, FormShell],
  templateUrl: './partnership-form.html',
})
export class PartnershipForm implements OnInit {
  private readonly api = inject(PartnershipsApi);
  private readonly organizationsApi = inject(OrganizationsApi);
  private readonly i18n = inject(I18n);
  private readonly actor = injectActor();

  readonly partnership = input<PartnershipResponse | null>(null);
  readonly saved = output<PartnershipResponse>();
  readonly cancelled = output();

  protected readonly form = inject(NonNullableFormBuilder).group({
    name: ['', [notBlank, Validators.maxLength(200)]],
    description: ['', Validators.maxLength(DESCRIPTION_MAX)],
    visibility: ['members' as Visibility],
  });
  protected readonly visibilityOptions = computed(() =>
    VISIBILITIES.map((visibility) => ({
      id: visibility,
      name: this.i18n.t(`partnerships.visibilities.${visibility}`),
      hint: this.i18n.t(`partnerships.visibilityHints.${visibility}`),
    })),
  );
  protected readonly memberIds = signal<ReadonlySet<string>>(new Set());
  private readonly organizations = dataResource(() => this.organizationsApi.list());

  /** A leader's own organisation is always a member (the API adds it); an admin chooses freely. */
  protected readonly ownId = computed(() => (this.actor().role === 'admin' ? null : this.actor().organizationId));
  /** Organisations that may be chosen: the active ones, and those already in it (merged ones stay where they were). */
  protected readonly options = computed(() => {
    const present = new Set([...this.initialIds(), ...this.memberIds(), ...this.observerIds()]);
    return [...(this.organizations.value() ?? [])]
      .filter((o) => o.active || present.has(o.id))
      .sort((a, b) => this.i18n.compare(a.name, b.name));
  });
  // --- issue 10: observers read everything and write nothing; never members at the same time ---
  protected readonly observerIds = signal<ReadonlySet<string>>(new Set());
  private readonly initialIds = signal<readonly string[]>([]);
  protected readonly observerOptions = computed(() => this.options().filter((o) => !this.members().has(o.id)));
  protected readonly observers = computed(() => new Set([...this.observerIds()].filter((id) => !this.members().has(id))));
  protected readonly members = computed(() => {
    const ids = new Set(this.memberIds());
    const own = this.ownId();
    if (own) ids.add(own);
    return ids;
  });

  protected readonly feedback = formFeedback(this.form, {
    name: 'partnership',
    errors: () => {
      const { name, description } = this.form.controls;
      return {
        name: name.hasError('required') ? 'partnerships.nameRequired' : name.hasError('maxlength') ? 'partnerships.nameTooLong' : null,
        description: description.hasError('maxlength') ? 'partnerships.descriptionTooLong' : null,
        members: this.members().size < 2 ? 'partnerships.membersTooFew' : null,
        observers: null,
        visibility: null,
      };
    },
  });
  protected readonly descriptionCount = this.feedback.count(this.form.controls.description, DESCRIPTION_MAX);

  ngOnInit(): void {
    const partnership = this.partnership();
    if (partnership) {
      this.form.setValue({ name: partnership.name, description: partnership.description, visibility: partnership.visibility });
      this.memberIds.set(new Set(partnership.members.map((m) => m.id)));
      this.observerIds.set(new Set(partnership.observers.map((o) => o.id)));
      this.initialIds.set([...partnership.members, ...partnership.observers].map((o) => o.id));
    }
  }

  protected submit(): void {
    const { name, description, visibility } = this.form.getRawValue();
    const body = {
      name: name.trim(),
      description: description.trim(),
      memberIds: [...this.members()],
      observerIds: [...this.observers()],
      visibility,
    };
    const existing = this.partnership();
    this.feedback.submit(
      () => (existing ? this.api.update(existing.id, body) : this.api.create(body)),
      (partnership) => {
        if (!existing) {
          this.form.reset();
          this.memberIds.set(new Set());
          this.observerIds.set(new Set());
        }
        this.saved.emit(partnership);
      },
    );
  }
}
