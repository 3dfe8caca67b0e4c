import { type ArgumentMetadata, BadRequestException, ValidationError, ValidationPipe } from '@nestjs/common';

/** Every constraint message, with its field's path; unknown fields are named as such. */
export function validationMessage(errors: ValidationError[]): string {
  return flatten(errors).join('; ') || 'The request is not valid.';
}

function flatten(errors: ValidationError[], parent = ''): string[] {
  return errors.flatMap((error) => {
    const path = parent ? `${parent}.${error.property}` : error.property;
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
