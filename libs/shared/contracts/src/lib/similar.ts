import { Transform } from 'class-transformer';
import { ValidateBy } from 'class-validator';
import type { Lesson } from './lessons';
import type { OrganizationRef } from './organizations';
import type { PartnershipRef } from './partnerships';
import { PracticeSummary } from './practices';
import { trim } from './transforms';

import { type ProjectStatus, SIMILAR_TEXT_MAX_LENGTH, type Stage } from './values';

/** At most this many of each kind of similar work. */
export const SIMILAR_MAX = 5;
export { SIMILAR_TEXT_MAX_LENGTH } from './values';

export class SimilarProject {
  /** @example "0f6a1c2e-3b4d-4e5f-8a9b-7c6d5e4f3a2b" */
  id!: string;
  /** @example "Tavlemøter i NAV-kontoret" */
  title!: string;
  /** @example "test" */
  stage!: Stage;
  /** @example "active" */
  status!: ProjectStatus;
  partnership!: PartnershipRef;
  /** The organisations to contact. */
  participants!: OrganizationRef[];
  /**
   * How close it is, from 0 (nothing in common) towards 1.
   * @example 0.42
   */
  score!: number;
}

export class SimilarPractice extends PracticeSummary {
  /** @example 0.37 */
  score!: number;
}

/** Work elsewhere on the platform like yours, best first, at most 5 of each; only what you may see. */
export class SimilarResponse {
  projects!: SimilarProject[];
  practices!: SimilarPractice[];
  lessons!: Lesson[];
}

export class SimilarQuery {
  /**
   * A project's title and description as you write them.
   * @example "Tavlemøter i hjemmetjenesten"
   */
  @Transform(trim)
  @ValidateBy(
    {
      name: 'similarText',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && value.length > 0 && value.length <= SIMILAR_TEXT_MAX_LENGTH,
        defaultMessage: (args) =>
          typeof args?.value === 'string' && args.value.length > SIMILAR_TEXT_MAX_LENGTH
            ? `text must be at most ${SIMILAR_TEXT_MAX_LENGTH} characters`
            : 'text must hold the words to compare: a title, a description or both',
      },
    },
    {},
  )
  text!: string;
}
