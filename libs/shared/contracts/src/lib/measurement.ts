import { Transform } from 'class-transformer';
import { IsInt, IsNumber, IsOptional, IsString, IsUUID, Max, MaxLength, Min, ValidateBy, ValidateIf } from 'class-validator';
import type { OrganizationRef } from './organizations';
import { isCalendarDate } from './validators';
import { trim } from './transforms';
import { type AnnotationKind, type Direction, EARLIEST_DATE, NOTE_MAX_LENGTH, type SignalRule } from './values';

export { ANNOTATION_KINDS, EARLIEST_DATE, NOTE_MAX_LENGTH, SIGNAL_RULES } from './values';
export type { AnnotationKind, SignalRule } from './values';

/** The latest day anywhere in the Nordics (Finland is furthest east): no one measures after it. */
export function latestDay(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Helsinki', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/**
 * A day something happened: a real date, not before 1990 and not after today.
 * (Measurements and realised benefits are facts, never plans.)
 */
export function IsPastDay(field: string, options: { orNone?: boolean } = {}): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isPastDay',
      validator: {
        validate: (value: unknown) =>
          (options.orNone === true && (value === undefined || value === null)) ||
          (isCalendarDate(value) && value >= EARLIEST_DATE && value <= latestDay()),
      },
    },
    { message: `${field} must be a date like 2026-11-26, from ${EARLIEST_DATE} up to today` },
  );
}

/** The figures one organisation sets for itself; where none are set, the indicator's hold. */
export class IndicatorTargetDto {
  /** @example "a964aca5-fc92-4e7f-bb3f-3691ecf10dd0" */
  @IsUUID('all', { message: 'targets.organizationId must be the id of a participating organisation' })
  organizationId!: string;

  /** @example 15 */
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: 'targets.baseline must be a number' })
  baseline!: number;

  /** @example 8 */
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: 'targets.target must be a number' })
  target!: number;
}

export class LatestMeasurement {
  /** @example 10.5 */
  value!: number;
  /** @example "2026-03-01" */
  measuredOn!: string;
}

/** One organisation's progress on an indicator: its own latest measurement against its own baseline and target. */
export class OrganizationProgress {
  organization!: OrganizationRef;
  /**
   * The organisation's own baseline, or the indicator's.
   * @example 15
   */
  baseline!: number;
  /**
   * The organisation's own target, or the indicator's.
   * @example 8
   */
  target!: number;
  latest!: LatestMeasurement | null;
  /**
   * Share of the way from baseline to target (0..1); null before the organisation's first measurement.
   * @example 0.5
   */
  progress!: number | null;
}

/** May be left out, but not sent as null (IsOptional would let null through to a NOT NULL column). */
export const Present = () => ValidateIf((_object, value) => value !== undefined);

export class UpdateMeasurementDto {
  /** @example 10 */
  @Present()
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: 'value must be a number' })
  value?: number;

  /** @example "2026-03-01" */
  @Present()
  @IsPastDay('measuredOn')
  measuredOn?: string;

  /**
   * Null or an empty text removes the note.
   * @example "Telt på nytt: to søknader var registrert dobbelt."
   */
  @IsOptional()
  @ValidateIf((_o, v) => v !== null)
  @Transform(trim)
  @IsString()
  @MaxLength(NOTE_MAX_LENGTH, { message: `note must be at most ${NOTE_MAX_LENGTH} characters` })
  note?: string | null;

  /**
   * The version you corrected, if you want a stale correction refused (409 STALE_VERSION).
   * @example 1
   */
  @Present()
  @IsInt({ message: 'version must be the version of the measurement you corrected' })
  @Min(1)
  @Max(2_147_483_647)
  version?: number;
}

export class ChartIndicator {
  /** @example "6a7b8c9d-0e1f-4a2b-b3c4-d5e6f7a8b9c0" */
  id!: string;
  /** @example "Ventetid på hjemmetjenester" */
  name!: string;
  /** @example "dager" */
  unit!: string;
  /** @example 14 */
  baseline!: number;
  /** @example 7 */
  target!: number;
  /** @example "decrease" */
  direction!: Direction;
}

export class ChartPoint {
  /** @example "2026-03-28" */
  measuredOn!: string;
  /** @example 10.5 */
  value!: number;
}

/** Non-random change by the standard run-chart rules. */
export class ChartSignal {
  /**
   * `shift`: six or more points in a row on one side of the median; `trend`: five or more all going up or all going down.
   * @example "shift"
   */
  rule!: SignalRule;
  /**
   * measuredOn of the signal's first point.
   * @example "2026-06-28"
   */
  from!: string;
  /**
   * measuredOn of the signal's last point.
   * @example "2026-11-28"
   */
  to!: string;
  /** @example "down" */
  direction!: 'up' | 'down';
}

export class ChartSeries {
  organization!: OrganizationRef;
  /** Oldest first. */
  points!: ChartPoint[];
  /**
   * Null without points.
   * @example 10.75
   */
  median!: number | null;
  signals!: ChartSignal[];
}

/** Something the team did, on the time axis: a stage move, a status change or a log entry. */
export class ChartAnnotation {
  /** @example "2025-08-25" */
  date!: string;
  /** @example "stage" */
  kind!: AnnotationKind;
  /** @example "Innsikten fra brukerintervjuene er god nok til å prøve ut i to soner." */
  text!: string;
}

/** An indicator's run charts: one series per organisation, and what happened in the project meanwhile. */
export class IndicatorChart {
  indicator!: ChartIndicator;
  series!: ChartSeries[];
  /** Oldest first. */
  annotations!: ChartAnnotation[];
}
