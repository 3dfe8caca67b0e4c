import type { FormControl } from '@angular/forms';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@samspill/contracts/values';
import type { MessageKey } from '../i18n/messages';

/**
 * A new password and its repetition, checked as the API checks it (length)
 * and as people need (the same twice): each field's first problem as a
 * message key, for formFeedback's `errors`.
 */
export function newPasswordErrors(
  password: FormControl<string>,
  repeated: FormControl<string>,
): { password: MessageKey | null; repeated: MessageKey | null } {
  const value = password.value;
  return {
    password:
      value === ''
        ? 'invitation.passwordRequired'
        : value.length < PASSWORD_MIN_LENGTH
          ? 'invitation.passwordTooShort'
          : value.length > PASSWORD_MAX_LENGTH
            ? 'invitation.passwordTooLong'
            : null,
    repeated: repeated.value !== value ? 'invitation.passwordMismatch' : null,
  };
}
