import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  Injector,
  OnInit,
  afterNextRender,
  computed,
  inject,
  input,
  output,
  viewChild,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import type { LogEntryResponse, LogKind } from '@samspill/contracts';
import { LOG_KINDS, TEXT_MAX_LENGTH } from '@samspill/contracts/values';
import { ErrorSummary, TextField } from '@samspill/web-ui';
import { characterCount } from '../collaboration/character-count-text';
import { FormFeedback, uniqueFormId } from '../collaboration/form-feedback';
import { notBlank } from '../collaboration/validators';
import { I18n } from '../core/i18n/i18n';
import { TranslatePipe } from '../core/i18n/translate-pipe';
import { ProjectsApi } from './projects-api';

type Field = 'kind' | 'occurredOn' | 'text';

/** Today in the person's own time zone, as the API writes dates (2026-11-26). */
export function today(): string {
  const now = new Date();
  return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
}

/** Adds an entry to the improvement log, or (given `entry`) rewords one; the earlier wording stays visible. */
@Component({
  selector: 'sp-log-entry-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, TranslatePipe, ErrorSummary, TextField],
  templateUrl: './log-entry-form.html',
  styleUrl: '../collaboration/forms.css',
})
export class LogEntryForm implements OnInit {
  private readonly api = inject(ProjectsApi);
  private readonly i18n = inject(I18n);

  readonly projectId = input.required<string>();
  readonly entry = input<LogEntryResponse | null>(null);
  readonly saved = output<LogEntryResponse>();
  readonly cancelled = output();

  protected readonly prefix = uniqueFormId('log');
  private readonly first = viewChild.required<ElementRef<HTMLSelectElement>>('first');
  protected readonly kinds = computed(() => LOG_KINDS.map((kind) => ({ kind, label: this.i18n.t(`logKinds.${kind}.name`) })));
  protected readonly form = inject(NonNullableFormBuilder).group({
    kind: ['' as LogKind | '', Validators.required],
    occurredOn: [today(), Validators.required],
    text: ['', [notBlank, Validators.maxLength(TEXT_MAX_LENGTH)]],
  });
  private readonly value = toSignal(this.form.valueChanges, { initialValue: this.form.getRawValue() });
  protected readonly kindHint = computed(() => {
    const kind = this.value().kind;
    return kind ? this.i18n.t(`logKinds.${kind}.hint`) : '';
  });
  protected readonly count = computed(() => characterCount(this.i18n, this.value().text ?? '', TEXT_MAX_LENGTH));
  private readonly summary = viewChild(ErrorSummary);
  protected readonly feedback = new FormFeedback<Field>(
    this.i18n,
    inject(Injector),
    { kind: `${this.prefix}-kind`, occurredOn: `${this.prefix}-date`, text: `${this.prefix}-text` },
    () => {
      const { kind, occurredOn, text } = this.form.controls;
      return {
        kind: kind.hasError('required') ? 'projectLog.kindRequired' : null,
        occurredOn: occurredOn.hasError('required') ? 'projectLog.dateRequired' : null,
        text: text.hasError('required') ? 'projectLog.textRequired' : text.hasError('maxlength') ? 'projectLog.textTooLong' : null,
      };
    },
    this.value,
    this.summary,
  );

  constructor() {
    afterNextRender({ read: () => this.first().nativeElement.focus() });
  }

  ngOnInit(): void {
    const entry = this.entry();
    if (entry) this.form.setValue({ kind: entry.kind, occurredOn: entry.occurredOn, text: entry.text });
  }

  protected submit(): void {
    if (!this.feedback.begin(this.form.valid)) return;
    const { kind, occurredOn, text } = this.form.getRawValue();
    if (kind === '') return;
    const body = { kind, occurredOn, text: text.trim() };
    const entry = this.entry();
    (entry ? this.api.editLogEntry(entry.id, body) : this.api.addLogEntry(this.projectId(), body)).subscribe({
      next: (saved) => {
        this.feedback.succeed();
        this.saved.emit(saved);
      },
      error: (error: unknown) => this.feedback.fail(error),
    });
  }
}
