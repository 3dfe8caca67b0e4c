import type { OrganizationRef } from './organizations';

/** What one organisation gave and took. */
export class SpreadByOrganization {
  organization!: OrganizationRef;
  /** @example 1 */
  practicesShared!: number;
  /**
   * Adoptions of its practices by others.
   * @example 3
   */
  adoptionsGiven!: number;
  /**
   * Practices of others it took up.
   * @example 0
   */
  adoptionsTaken!: number;
}

export class TopPractice {
  /** @example "6b0e7a52-1c3d-4e5f-8a9b-0c1d2e3f4a5b" */
  id!: string;
  /** @example "Lean i Lunner" */
  title!: string;
  organization!: OrganizationRef;
  /** @example 3 */
  adoptions!: number;
}

/** How far practices travel across the platform (practices are published to everyone, so everyone sees the same figures). */
export class Spread {
  /**
   * Practices shared.
   * @example 4
   */
  practices!: number;
  /** @example 6 */
  adoptions!: number;
  /**
   * Organisations that took up at least one practice of another.
   * @example 4
   */
  organizationsReached!: number;
  /**
   * Countries of those organisations.
   * @example 2
   */
  countriesReached!: number;
  /** Every organisation that shared or took up a practice, the busiest first (at most 200). */
  byOrganization!: SpreadByOrganization[];
  /** The most adopted practices, at most 10. */
  topPractices!: TopPractice[];
}
