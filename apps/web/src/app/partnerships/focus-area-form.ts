import { ChangeDetectionStrategy, Component, Injector, afterNextRender, inject, input, output, signal, viewChild } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import type { FocusAreaResponse } from '@samspill/contracts';
import { ErrorSummary, TextField } from '@samspill/web-ui';
import { FormFeedback, uniqueFormId } from '../collaboration/form-feedback';
import { notBlank } from '../collaboration/validators';
import { I18n } from '../core/i18n/i18n';
import { TranslatePipe } from '../core/i18n/translate-pipe';
import { PartnershipsApi } from './partnerships-api';

/** A leader adds a focus area (satsingsområde) to the partnership. */
@Component({
  selector: 'sp-focus-area-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, TranslatePipe, ErrorSummary, TextField],
  styleUrl: '../collaboration/forms.css',
  template: `
    @if (feedback.summaryItems().length > 0) {
      <sp-error-summary [heading]="feedback.summaryHeading()" [items]="feedback.summaryItems()" />
    }
    <form class="form" [formGroup]="form" (ngSubmit)="submit()" novalidate>
      <sp-text-field
        #nameInput
        [control]="form.controls.name"
        [fieldId]="feedback.ids.name"
        [label]="'partnerships.focusAreaName' | t"
        [error]="feedback.messages().name"
      />
      <sp-text-field
        [control]="form.controls.description"
        [fieldId]="feedback.ids.description"
        [label]="'partnerships.focusAreaDescription' | t"
        [optional]="'form.optional' | t"
        [rows]="2"
        [error]="feedback.messages().description"
      />
      <div class="actions">
        <button type="submit" class="ds-button" data-variant="secondary" [attr.aria-disabled]="feedback.pending() ? true : null">
          {{ 'partnerships.addFocusArea' | t }}
        </button>
      </div>
    </form>
    <div role="status">
      @if (addedName(); as name) {
        <p class="ds-validation-message" data-color="success">{{ 'partnerships.focusAreaAdded' | t: { name } }}</p>
      }
    </div>
  `,
})
export class FocusAreaForm {
  private readonly api = inject(PartnershipsApi);
  private readonly injector = inject(Injector);

  readonly partnershipId = input.required<string>();
  readonly added = output<FocusAreaResponse>();

  private readonly prefix = uniqueFormId('focus-area');
  private readonly nameInput = viewChild.required<TextField>('nameInput');
  protected readonly addedName = signal<string | null>(null);
  protected readonly form = inject(NonNullableFormBuilder).group({
    name: ['', [notBlank, Validators.maxLength(200)]],
    description: ['', Validators.maxLength(2000)],
  });
  private readonly summary = viewChild(ErrorSummary);
  protected readonly feedback = new FormFeedback<'name' | 'description'>(
    inject(I18n),
    this.injector,
    { name: `${this.prefix}-name`, description: `${this.prefix}-description` },
    () => {
      const { name, description } = this.form.controls;
      return {
        name: name.hasError('required')
          ? 'partnerships.focusAreaNameRequired'
          : name.hasError('maxlength')
            ? 'partnerships.nameTooLong'
            : null,
        description: description.hasError('maxlength') ? 'partnerships.focusAreaDescriptionTooLong' : null,
      };
    },
    toSignal(this.form.valueChanges),
    this.summary,
  );

  protected submit(): void {
    this.addedName.set(null);
    if (!this.feedback.begin(this.form.valid)) return;
    const { name, description } = this.form.getRawValue();
    this.api
      .addFocusArea(this.partnershipId(), { name: name.trim(), ...(description.trim() ? { description: description.trim() } : {}) })
      .subscribe({
        next: (focusArea) => {
          this.feedback.succeed();
          this.form.reset();
          this.addedName.set(focusArea.name);
          this.added.emit(focusArea);
          // Ready for the next one.
          afterNextRender({ read: () => this.nameInput().focus() }, { injector: this.injector });
        },
        error: (error: unknown) => this.feedback.fail(error),
      });
  }
}
