import { ChangeDetectionStrategy, Component, Injector, OnInit, computed, inject, input, output, signal, viewChild } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import type { PartnershipResponse, ProjectResponse } from '@samspill/contracts';
import { TEXT_MAX_LENGTH, TITLE_MAX_LENGTH } from '@samspill/contracts/values';
import { ErrorSummary, TextField } from '@samspill/web-ui';
import { injectActor } from '../collaboration/actor';
import { characterCount } from '../collaboration/character-count-text';
import { FormFeedback, uniqueFormId } from '../collaboration/form-feedback';
import { notBlank } from '../collaboration/validators';
import { I18n } from '../core/i18n/i18n';
import { TranslatePipe } from '../core/i18n/translate-pipe';
import { ProjectsApi } from './projects-api';

type Field = 'partnership' | 'title' | 'description' | 'participants';

/**
 * Starts a project in one of `partnerships`, or (given `project`) edits its
 * title, description, focus area and participants, carrying the version the
 * person saw so a change made meanwhile by someone else is not overwritten.
 */
@Component({
  selector: 'sp-project-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, TranslatePipe, ErrorSummary, TextField],
  templateUrl: './project-form.html',
  styleUrl: '../collaboration/forms.css',
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

  protected readonly prefix = uniqueFormId('project');
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
  private readonly chosen = computed(() => {
    const members = new Set(this.partnership()?.members.map((m) => m.id) ?? []);
    const ids = [...this.participantIds()].filter((id) => members.has(id));
    const own = this.ownId();
    if (own && members.has(own) && !ids.includes(own)) ids.push(own);
    return ids;
  });
  protected readonly stale = computed(() => this.feedback.problem()?.code === 'STALE_VERSION');
  protected readonly count = computed(() => characterCount(this.i18n, this.value().description ?? '', TEXT_MAX_LENGTH));

  private readonly summary = viewChild(ErrorSummary);
  protected readonly feedback = new FormFeedback<Field>(
    this.i18n,
    inject(Injector),
    {
      partnership: `${this.prefix}-partnership`,
      title: `${this.prefix}-title`,
      description: `${this.prefix}-description`,
      participants: `${this.prefix}-participants`,
    },
    () => {
      const { partnershipId, title, description } = this.form.controls;
      return {
        partnership: partnershipId.hasError('required') ? 'projects.partnershipRequired' : null,
        title: title.hasError('required') ? 'projects.titleRequired' : title.hasError('maxlength') ? 'projects.titleTooLong' : null,
        description: description.hasError('maxlength') ? 'projects.descriptionTooLong' : null,
        participants: this.partnership() && this.chosen().length === 0 ? 'projects.participantsRequired' : null,
      };
    },
    computed(() => [this.value(), this.participantIds()]),
    this.summary,
  );

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

  protected isChosen(id: string): boolean {
    return this.chosen().includes(id);
  }

  protected toggle(id: string, checked: boolean): void {
    this.participantIds.update((ids) => {
      const next = new Set(ids);
      if (checked) next.add(id);
      else next.delete(id);
      return next;
    });
  }

  protected submit(): void {
    if (!this.feedback.begin(this.form.valid && this.chosen().length > 0)) return;
    const { partnershipId, title, description, focusAreaId } = this.form.getRawValue();
    const fields = {
      title: title.trim(),
      description: description.trim(),
      focusAreaId: focusAreaId || null,
      participantIds: this.chosen(),
    };
    const project = this.project();
    const request = project
      ? this.api.update(project.id, { ...fields, version: project.version })
      : this.api.create({ partnershipId, ...fields });
    request.subscribe({
      next: (saved) => {
        this.feedback.succeed();
        this.saved.emit(saved);
      },
      error: (error: unknown) => this.feedback.fail(error),
    });
  }
}
