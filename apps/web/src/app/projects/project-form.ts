import { ChangeDetectionStrategy, Component, OnInit, computed, inject, input, output, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, Validators } from '@angular/forms';
import type { PartnershipResponse, ProjectResponse } from '@samspill/contracts';
import { TEXT_MAX_LENGTH, TITLE_MAX_LENGTH } from '@samspill/contracts/values';
import { ChoiceGroup, Field } from '@samspill/web-ui';
import { injectActor } from '../core/auth/actor';
import { formFeedback } from '../core/forms/form-feedback';
import { FormShell } from '../core/forms/form-shell';
import { notBlank } from '../core/forms/validators';
import { I18n } from '../core/i18n/i18n';
import { TranslatePipe } from '../core/i18n/translate-pipe';
import { ProjectsApi } from './projects-api';

/**
 * Starts a project in one of `partnerships`, or (given `project`) edits its
 * title, description, focus area and participants, carrying the version the
 * person saw so a change made meanwhile by someone else is not overwritten.
 */
@Component({
  selector: 'sp-project-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslatePipe, ChoiceGroup, Field, FormShell],
  templateUrl: './project-form.html',
})
export class ProjectForm implements OnInit {
  private readonly api = inject(ProjectsApi);
  private readonly i18n = inject(I18n);
  private readonly actor = injectActor();

  /** Create mode: where the person may start a project. Edit mode: the project's own partnership. */
  readonly partnerships = input.required<readonly PartnershipResponse[]>();
  readonly partnershipId = input('');
  readonly project = input<ProjectResponse | null>(null);
  readonly saved = output<ProjectResponse>();
  readonly cancelled = output();
  readonly reloadRequested = output();

  protected readonly form = inject(NonNullableFormBuilder).group({
    partnershipId: ['', Validators.required],
    title: ['', [notBlank, Validators.maxLength(TITLE_MAX_LENGTH)]],
    description: ['', Validators.maxLength(TEXT_MAX_LENGTH)],
    focusAreaId: [''],
  });
  protected readonly participantIds = signal<ReadonlySet<string>>(new Set());
  private readonly value = toSignal(this.form.valueChanges, { initialValue: this.form.getRawValue() });

  protected readonly partnership = computed(() => this.partnerships().find((p) => p.id === this.value().partnershipId) ?? null);
  /** Your own organisation always takes part (the API adds it and will not remove it); an admin chooses freely. */
  protected readonly ownId = computed(() => (this.actor().role === 'admin' ? null : this.actor().organizationId));
  protected readonly participants = computed(() => {
    const members = new Set(this.partnership()?.members.map((m) => m.id) ?? []);
    const ids = new Set([...this.participantIds()].filter((id) => members.has(id)));
    const own = this.ownId();
    if (own && members.has(own)) ids.add(own);
    return ids;
  });
  protected readonly feedback = formFeedback(this.form, {
    name: 'project',
    errors: () => {
      const { partnershipId, title, description } = this.form.controls;
      return {
        partnership: partnershipId.hasError('required') ? 'projects.partnershipRequired' : null,
        title: title.hasError('required') ? 'projects.titleRequired' : title.hasError('maxlength') ? 'projects.titleTooLong' : null,
        description: description.hasError('maxlength') ? 'projects.descriptionTooLong' : null,
        focusArea: null,
        participants: this.partnership() && this.participants().size === 0 ? 'projects.participantsRequired' : null,
      };
    },
  });
  protected readonly count = this.feedback.count(this.form.controls.description, TEXT_MAX_LENGTH);
  protected readonly stale = computed(() => this.feedback.problem()?.code === 'STALE_VERSION');

  ngOnInit(): void {
    const project = this.project();
    if (project) {
      this.form.setValue({
        partnershipId: project.partnershipId,
        title: project.title,
        description: project.description,
        focusAreaId: project.focusArea?.id ?? '',
      });
      this.participantIds.set(new Set(project.participants.map((p) => p.id)));
      return;
    }
    const options = this.partnerships();
    const preset = options.find((p) => p.id === this.partnershipId()) ?? (options.length === 1 ? options[0] : null);
    if (preset) this.choosePartnership(preset.id);
  }

  protected choosePartnership(id: string): void {
    this.form.patchValue({ partnershipId: id, focusAreaId: '' });
    // Start with every member taking part; people untick those who do not.
    this.participantIds.set(
      new Set(
        this.partnerships()
          .find((p) => p.id === id)
          ?.members.map((m) => m.id) ?? [],
      ),
    );
  }

  protected submit(): void {
    const { partnershipId, title, description, focusAreaId } = this.form.getRawValue();
    const fields = {
      title: title.trim(),
      description: description.trim(),
      focusAreaId: focusAreaId || null,
      participantIds: [...this.participants()],
    };
    const project = this.project();
    this.feedback.submit(
      () =>
        project ? this.api.update(project.id, { ...fields, version: project.version }) : this.api.create({ partnershipId, ...fields }),
      (saved) => this.saved.emit(saved),
    );
  }
}
