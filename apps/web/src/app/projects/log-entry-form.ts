import { ChangeDetectionStrategy, Component, OnInit, afterNextRender, computed, inject, input, output, viewChild } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, Validators } from '@angular/forms';
import type { LogEntryResponse, LogKind } from '@samspill/contracts';
import { LOG_KINDS, TEXT_MAX_LENGTH } from '@samspill/contracts/values';
import { Field } from '@samspill/web-ui';
import { formFeedback } from '../core/forms/form-feedback';
import { FormShell } from '../core/forms/form-shell';
import { notBlank } from '../core/forms/validators';
import { I18n } from '../core/i18n/i18n';
import { TranslatePipe } from '../core/i18n/translate-pipe';
import { ProjectsApi } from './projects-api';

/** Today in the person's own time zone, as the API writes dates (2026-11-26). */
export function today(): string {
  const now = new Date();
  return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
}

/** Adds an entry to the improvement log, or (given `entry`) rewords one; the earlier wording stays visible. */
@Component({
  selector: 'sp-log-entry-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslatePipe, Field, FormShell],
  templateUrl: './log-entry-form.html',
})
export class LogEntryForm implements OnInit {
  private readonly api = inject(ProjectsApi);
  private readonly i18n = inject(I18n);

  readonly projectId = input.required<string>();
  readonly entry = input<LogEntryResponse | null>(null);
  readonly saved = output<LogEntryResponse>();
  readonly cancelled = output();

  private readonly first = viewChild.required<Field>('first');
  protected readonly kinds = computed(() => LOG_KINDS.map((kind) => ({ id: kind, name: this.i18n.t(`logKinds.${kind}.name`) })));
  protected readonly form = inject(NonNullableFormBuilder).group({
    kind: ['' as LogKind | '', Validators.required],
    occurredOn: [today(), Validators.required],
    text: ['', [notBlank, Validators.maxLength(TEXT_MAX_LENGTH)]],
  });
  private readonly kind = toSignal(this.form.controls.kind.valueChanges, { initialValue: this.form.controls.kind.value });
  protected readonly kindHint = computed(() => {
    const kind = this.kind();
    return kind ? this.i18n.t(`logKinds.${kind}.hint`) : null;
  });
  protected readonly feedback = formFeedback(this.form, {
    name: 'log',
    errors: () => {
      const { kind, occurredOn, text } = this.form.controls;
      return {
        kind: kind.hasError('required') ? 'projectLog.kindRequired' : null,
        occurredOn: occurredOn.hasError('required') ? 'projectLog.dateRequired' : null,
        text: text.hasError('required') ? 'projectLog.textRequired' : text.hasError('maxlength') ? 'projectLog.textTooLong' : null,
      };
    },
  });
  protected readonly count = this.feedback.count(this.form.controls.text, TEXT_MAX_LENGTH);

  constructor() {
    afterNextRender({ read: () => this.first().focus() });
  }

  ngOnInit(): void {
    const entry = this.entry();
    if (entry) this.form.setValue({ kind: entry.kind, occurredOn: entry.occurredOn, text: entry.text });
  }

  protected submit(): void {
    const { kind, occurredOn, text } = this.form.getRawValue();
    const entry = this.entry();
    this.feedback.submit(
      () => {
        if (kind === '') return null;
        const body = { kind, occurredOn, text: text.trim() };
        return entry ? this.api.editLogEntry(entry.id, body) : this.api.addLogEntry(this.projectId(), body);
      },
      (saved) => this.saved.emit(saved),
    );
  }
}
