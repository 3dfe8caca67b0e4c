import { ArrayMaxSize, ArrayMinSize, IsArray, IsOptional, IsString, isUUID, MaxLength, ValidateBy, ValidateIf } from 'class-validator';

/** Applies several property decorators as one. */
export function all(...decorators: PropertyDecorator[]): PropertyDecorator {
  return (target, key) => {
    for (const decorate of decorators) decorate(target, key);
  };
}

/**
 * May be left out, but not sent as null. IsOptional skips null as well,
 * which let `{ "name": null }` through to a NOT NULL column; fields where
 * null means "none" say so with their own ValidateIf.
 */
export const Optional = () => ValidateIf((_object, value) => value !== undefined);

const withinSize = (value: unknown, max: number): value is unknown[] => Array.isArray(value) && value.length <= max;

/**
 * A list of distinct ids, at most `max` of them. Its size is checked first:
 * the per-item checks pass over an array that is too long (ArrayMaxSize
 * refuses it), so a huge array costs no more than reading its length.
 * Distinctness is checked in linear time, not ArrayUnique's quadratic.
 */
export function IdList(options: { min: number; minMessage: string; max: number; notIds: string; repeated: string }): PropertyDecorator {
  const { max } = options;
  return all(
    IsArray(),
    ArrayMinSize(options.min, { message: options.minMessage }),
    ArrayMaxSize(max),
    ValidateBy(
      {
        name: 'idListDistinct',
        constraints: [max],
        validator: { validate: (value: unknown) => !withinSize(value, max) || new Set(value).size === value.length },
      },
      { message: options.repeated },
    ),
    ValidateBy(
      {
        name: 'idListItems',
        constraints: [max],
        validator: {
          validate: (value: unknown) => !withinSize(value, max) || value.every((v) => typeof v === 'string' && isUUID(v, 'all')),
        },
      },
      { message: options.notIds },
    ),
  );
}

/** True for exactly YYYY-MM-DD naming a day that exists (years 0001 to 9999; PostgreSQL has no year 0). */
export function isCalendarDate(value: unknown): value is string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const [year, month, day] = value.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(2000, month - 1, day));
  date.setUTCFullYear(year);
  return year >= 1 && date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** The one date validator of the contracts: exactly YYYY-MM-DD, and a real calendar date. */
export function IsCalendarDate(field: string): PropertyDecorator {
  return ValidateBy(
    { name: 'isCalendarDate', validator: { validate: (value: unknown) => isCalendarDate(value) } },
    { message: `${field} must be a date like 2026-11-26` },
  );
}

/**
 * `?lang=` of a downloaded file (CSV, PDF): one of LOCALES. Any other short text is no error: the file is then
 * written in the reader's own language (or bokmål), as an unsupported Accept-Language is.
 */
export const FileLanguage = () =>
  all(
    IsOptional(),
    IsString({ message: 'lang must be a language code such as da' }),
    MaxLength(35, { message: 'lang must be a language code such as da' }),
  );
