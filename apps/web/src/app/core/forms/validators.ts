import type { AbstractControl, ValidationErrors } from '@angular/forms';

/** Required, and not just spaces: the API trims text before it checks it. */
export const notBlank = (control: AbstractControl<string>): ValidationErrors | null =>
  control.value.trim() === '' ? { required: true } : null;
