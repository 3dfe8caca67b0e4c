import { ChangeDetectionStrategy, Component, ElementRef, Injector, afterNextRender, inject, input, output, signal, viewChild } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { AbstractControl, NonNullableFormBuilder, ReactiveFormsModule, ValidationErrors, Validators } from '@angular/forms';
import type { FocusAreaResponse } from '@samspill/contracts';
import { ErrorSummary } from '@samspill/web-ui';
import { FormFeedback, uniqueFormId } from '../collaboration/form-feedback';
import { I18n } from '../core/i18n/i18n';
import { TranslatePipe } from '../core/i18n/translate-pipe';
import { PartnershipsApi } from './partnerships-api';

const notBlank = (control: AbstractControl<string>): ValidationErrors | null =>
  control.value.trim() === '' ? { required: true } : null;

/** A leader adds a focus area (satsingsområde) to the partnership. */
@Component({
  selector: 'sp-focus-area-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, TranslatePipe, ErrorSummary],
  styleUrl: '../collaboration/forms.css',
  template: `
    @if (feedback.summaryItems().length > 0) {
      <sp-error-summary [heading]="feedback.summaryHeading()" [items]="feedback.summaryItems()" />
    }
    <form class="form" [formGroup]="form" (ngSubmit)="submit()" novalidate>
      <div class="ds-field">
        <label class="ds-label" [for]="feedback.ids.name">{{ 'partnerships.focusAreaName' | t }}</label>
        <input
          #nameInput
          class="ds-input"
          type="text"
          formControlName="name"
          [id]="feedback.ids.name"
          [attr.aria-invalid]="feedback.fieldErrors().name ? true : null"
          [attr.aria-describedby]="feedback.describedBy('name')"
        />
        @if (feedback.fieldErrors().name; as key) {
          <p class="ds-validation-message" data-field="validation" [id]="feedback.ids.name + '-error'">{{ key | t }}</p>
        }
      </div>
      <div class="ds-field">
        <label class="ds-label" [for]="feedback.ids.description">
          {{ 'partnerships.focusAreaDescription' | t }} <span class="optional">({{ 'form.optional' | t }})</span>
        </label>
        <textarea
          class="ds-input"
          rows="2"
          formControlName="description"
          [id]="feedback.ids.description"
          [attr.aria-invalid]="feedback.fieldErrors().description ? true : null"
          [attr.aria-describedby]="feedback.describedBy('description')"
        ></textarea>
        @if (feedback.fieldErrors().description; as key) {
          <p class="ds-validation-message" data-field="validation" [id]="feedback.ids.description + '-error'">{{ key | t }}</p>
        }
      </div>
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
  private readonly nameInput = viewChild.required<ElementRef<HTMLInputElement>>('nameInput');
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
        name: name.hasError('required') ? 'partnerships.focusAreaNameRequired' : name.hasError('maxlength') ? 'partnerships.nameTooLong' : null,
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
    this.api.addFocusArea(this.partnershipId(), { name: name.trim(), ...(description.trim() ? { description: description.trim() } : {}) }).subscribe({
      next: (focusArea) => {
        this.feedback.succeed();
        this.form.reset();
        this.addedName.set(focusArea.name);
        this.added.emit(focusArea);
        // Ready for the next one.
        afterNextRender({ read: () => this.nameInput().nativeElement.focus() }, { injector: this.injector });
      },
      error: (error: unknown) => this.feedback.fail(error),
    });
  }
}
