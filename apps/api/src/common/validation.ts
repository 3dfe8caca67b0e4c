import { BadRequestException, ValidationError, ValidationPipe } from '@nestjs/common';

function flatten(errors: ValidationError[], parent = ''): string[] {
  return errors.flatMap((error) => {
    const path = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) =>
      message.startsWith('property ') ? `${path}: this field is not allowed` : message.replace(error.property, path),
    );
    return [...own, ...flatten(error.children ?? [], path)];
  });
}

/** Whitelisting validation: unknown fields are refused, not silently dropped. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: false,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) =>
      new BadRequestException({ code: 'VALIDATION_FAILED', message: flatten(errors).join('; ') || 'The request is not valid.' }),
  });
}
