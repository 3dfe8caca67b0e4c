import { type ArgumentMetadata, BadRequestException, ValidationError, ValidationPipe } from '@nestjs/common';
import { excerpt } from './http-layer';

/** At most this many problems are listed: a body with thousands of unknown fields gets a short answer. */
const MAX_PROBLEMS = 10;

/** Every constraint message, with its field's path; unknown fields are named as such (their names cut short). */
export function validationMessage(errors: ValidationError[]): string {
  const problems = flatten(errors);
  const shown = problems.slice(0, MAX_PROBLEMS).join('; ');
  return problems.length > MAX_PROBLEMS ? `${shown}; and ${problems.length - MAX_PROBLEMS} more` : shown || 'The request is not valid.';
}

function flatten(errors: ValidationError[], parent = ''): string[] {
  return errors.flatMap((error) => {
    // A body that is not an object at all (an array, a string) has no property to name.
    if (error.constraints?.['unknownValue']) return ['The request body must be a JSON object.'];
    const path = excerpt(parent ? `${parent}.${error.property}` : error.property, 40);
    const own = Object.values(error.constraints ?? {}).map((message) =>
      message.startsWith('property ') ? `${path}: this field is not allowed` : message.replace(error.property, path),
    );
    return [...own, ...flatten(error.children ?? [], path)];
  });
}

/** True when a string anywhere in the value holds a NUL character, which PostgreSQL text cannot store. */
export function containsNul(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  if (depth > 10 || value === null || typeof value !== 'object') return false;
  return Object.entries(value).some(([key, v]) => key.includes('\u0000') || containsNul(v, depth + 1));
}

class SamspillValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (containsNul(value)) {
      throw new BadRequestException({ code: 'VALIDATION_FAILED', message: 'Text must not contain the NUL control character.' });
    }
    return super.transform(value, metadata);
  }
}

/** Whitelisting validation: unknown fields are refused, not silently dropped. */
export function createValidationPipe(): ValidationPipe {
  return new SamspillValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: false,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => new BadRequestException({ code: 'VALIDATION_FAILED', message: validationMessage(errors) }),
  });
}
