import { ChangeDetectionStrategy, Component, inject, input, output, signal } from '@angular/core';
import { NonNullableFormBuilder, Validators } from '@angular/forms';
import type { FocusAreaResponse } from '@samspill/contracts';
import { Field } from '@samspill/web-ui';
import { formFeedback } from '../core/forms/form-feedback';
import { FormShell } from '../core/forms/form-shell';
import { notBlank } from '../core/forms/validators';
import { TranslatePipe } from '../core/i18n/translate-pipe';
import { focusAfterRender } from '../core/layout/focus-after-render';
import { PartnershipsApi } from './partnerships-api';

/** A leader adds a focus area (satsingsområde) to the partnership. */
@Component({
  selector: 'sp-focus-area-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslatePipe, Field, FormShell],
  template: `
    <sp-form [feedback]="feedback" [submitLabel]="'partnerships.addFocusArea' | t" submitVariant="secondary" (submitted)="submit()">
      <sp-field [control]="form.controls.name" [feedback]="feedback.field('name')" [label]="'partnerships.focusAreaName' | t" />
      <sp-field
        [control]="form.controls.description"
        [feedback]="feedback.field('description')"
        [label]="'partnerships.focusAreaDescription' | t"
        [optional]="'form.optional' | t"
        [rows]="2"
      />
    </sp-form>
    <div role="status">
      @if (addedName(); as name) {
        <p class="ds-validation-message" data-color="success">{{ 'partnerships.focusAreaAdded' | t: { name } }}</p>
      }
    </div>
  `,
})
export class FocusAreaForm {
  private readonly api = inject(PartnershipsApi);
  private readonly focus = focusAfterRender();

  readonly partnershipId = input.required<string>();
  readonly added = output<FocusAreaResponse>();

  protected readonly addedName = signal<string | null>(null);
  protected readonly form = inject(NonNullableFormBuilder).group({
    name: ['', [notBlank, Validators.maxLength(200)]],
    description: ['', Validators.maxLength(2000)],
  });
  protected readonly feedback = formFeedback(this.form, {
    name: 'focus-area',
    errors: () => {
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
  });

  protected submit(): void {
    this.addedName.set(null);
    const { name, description } = this.form.getRawValue();
    this.feedback.submit(
      () =>
        this.api.addFocusArea(this.partnershipId(), {
          name: name.trim(),
          ...(description.trim() ? { description: description.trim() } : {}),
        }),
      (focusArea) => {
        this.form.reset();
        this.addedName.set(focusArea.name);
        this.added.emit(focusArea);
        // Ready for the next one.
        this.focus(`#${this.feedback.id('name')}`);
      },
    );
  }
}
