import { ChangeDetectionStrategy, Component, OnInit, computed, inject, input, output, signal } from '@angular/core';
import { FormArray, FormControl, FormGroup, NonNullableFormBuilder, Validators } from '@angular/forms';
import type { AdoptionKind, OrganizationResponse, Practice, PracticeSummary } from '@samspill/contracts';
import { ADOPTION_KINDS, CHANGES_MAX_LENGTH, SUMMARY_MAX_LENGTH, TEXT_MAX_LENGTH, TITLE_MAX_LENGTH } from '@samspill/contracts/values';
import { ChoiceGroup, Field } from '@samspill/web-ui';
import { injectActor } from '../core/auth/actor';
import { formFeedback } from '../core/forms/form-feedback';
import { FormShell } from '../core/forms/form-shell';
import { notBlank } from '../core/forms/validators';
import { I18n } from '../core/i18n/i18n';
import type { MessageKey } from '../core/i18n/messages';
import { TranslatePipe } from '../core/i18n/translate-pipe';
import { PracticePicker } from './practice-picker';
import { PracticesApi } from './practices-api';

/** A practice this one builds on, as the form shows it. */
interface Basis {
  practice: Pick<PracticeSummary, 'id' | 'title' | 'organization'>;
  group: FormGroup<{ kind: FormControl<string>; changes: FormControl<string> }>;
}

/**
 * Shares a practice (with the practices it builds on and what was changed in
 * each), or, given `practice`, edits its texts with the version the person saw.
 */
@Component({
  selector: 'sp-practice-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ChoiceGroup, Field, FormShell, PracticePicker, TranslatePipe],
  templateUrl: './practice-form.html',
})
export class PracticeForm implements OnInit {
  private readonly api = inject(PracticesApi);
  private readonly i18n = inject(I18n);
  private readonly actor = injectActor();
  private readonly fb = inject(NonNullableFormBuilder);

  readonly practice = input<Practice | null>(null);
  /** Create mode: an admin chooses the owner among these. */
  readonly organizations = input<readonly OrganizationResponse[]>([]);
  /** Create mode: a practice to build on from the start ("Bygg videre på denne praksisen"). */
  readonly buildOn = input<PracticeSummary | null>(null);
  readonly saved = output<Practice>();
  readonly cancelled = output();
  readonly reloadRequested = output();

  protected readonly form = this.fb.group({
    title: ['', [notBlank, Validators.maxLength(TITLE_MAX_LENGTH)]],
    summary: ['', [notBlank, Validators.maxLength(SUMMARY_MAX_LENGTH)]],
    description: ['', Validators.maxLength(TEXT_MAX_LENGTH)],
    organizationId: [''],
    basedOn: new FormArray<Basis['group']>([]),
  });
  protected readonly bases = signal<readonly Basis[]>([]);
  protected readonly isAdmin = computed(() => this.actor().role === 'admin');
  protected readonly kinds = computed(() =>
    ADOPTION_KINDS.map((kind) => ({ id: kind, name: this.i18n.t(`learning.adoptionKinds.${kind}`) })),
  );
  protected readonly excluded = computed(() => new Set(this.bases().map((b) => b.practice.id)));

  protected readonly feedback = formFeedback<string>(this.form, {
    name: 'practice',
    errors: () => {
      const { title, summary, description, organizationId } = this.form.controls;
      const errors: Record<string, MessageKey | null> = {
        title: title.hasError('required')
          ? 'learning.practices.titleRequired'
          : title.hasError('maxlength')
            ? 'learning.practices.titleTooLong'
            : null,
        summary: summary.hasError('required')
          ? 'learning.practices.summaryRequired'
          : summary.hasError('maxlength')
            ? 'learning.practices.summaryTooLong'
            : null,
        description: description.hasError('maxlength') ? 'learning.practices.descriptionTooLong' : null,
        organization: !this.practice() && this.isAdmin() && !organizationId.value ? 'learning.practices.organizationRequired' : null,
      };
      for (const basis of this.bases()) {
        const { kind, changes: text } = basis.group.controls;
        errors[`${basis.practice.id}-kind`] = null;
        const changes = text.value.trim();
        errors[`${basis.practice.id}-changes`] =
          kind.value === 'adapted' && changes === ''
            ? 'learning.practices.changesRequired'
            : changes.length > CHANGES_MAX_LENGTH
              ? 'learning.practices.changesTooLong'
              : null;
      }
      return errors;
    },
  });
  protected readonly summaryCount = this.feedback.count(this.form.controls.summary, SUMMARY_MAX_LENGTH);
  protected readonly descriptionCount = this.feedback.count(this.form.controls.description, TEXT_MAX_LENGTH);
  protected readonly stale = computed(() => this.feedback.problem()?.code === 'STALE_VERSION');

  ngOnInit(): void {
    const practice = this.practice();
    if (practice) {
      this.form.patchValue({ title: practice.title, summary: practice.summary, description: practice.description });
      return;
    }
    const buildOn = this.buildOn();
    if (buildOn) this.add(buildOn);
  }

  protected add(practice: Basis['practice']): void {
    if (this.excluded().has(practice.id)) return;
    // In the form, so that its value (and with it the errors) follows every basis.
    const group = this.fb.group({ kind: this.fb.control<string>('adapted'), changes: this.fb.control('') });
    this.form.controls.basedOn.push(group);
    this.bases.update((list) => [...list, { practice, group }]);
  }

  protected remove(basis: Basis): void {
    const index = this.form.controls.basedOn.controls.indexOf(basis.group);
    if (index >= 0) this.form.controls.basedOn.removeAt(index);
    this.bases.update((list) => list.filter((b) => b !== basis));
  }

  protected submit(): void {
    const { title, summary, description, organizationId } = this.form.getRawValue();
    const texts = { title: title.trim(), summary: summary.trim(), description: description.trim() };
    const practice = this.practice();
    this.feedback.submit(
      () =>
        practice
          ? this.api.update(practice.id, { ...texts, version: practice.version })
          : this.api.create({
              ...texts,
              ...(this.isAdmin() ? { organizationId } : {}),
              basedOn: this.bases().map(({ practice: { id }, group }) => {
                const changes = group.controls.changes.value.trim();
                return { practiceId: id, kind: group.controls.kind.value as AdoptionKind, ...(changes ? { changes } : {}) };
              }),
            }),
      (saved) => this.saved.emit(saved),
    );
  }
}
