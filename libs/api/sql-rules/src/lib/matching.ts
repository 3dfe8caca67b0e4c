/**
 * SQL twin of `matchOffersAndWishes` (libs/shared/domain): answer `offer` is an
 * offer (theyLearnFromUs) that meets a wish — the organisation it is addressed to
 * wants to learn from its author (weLearnFromThem), in the same partnership, with
 * the same focus area. e2e/api/src/rules-agree.e2e-spec.ts runs both on generated
 * cases and requires the same answers.
 */
export function offerIsMetSql(offer: string): string {
  return `(${offer}.question = 'theyLearnFromUs' AND ${offer}.focus_area_id IS NOT NULL AND EXISTS (
            SELECT 1 FROM answers w WHERE w.partnership_id = ${offer}.partnership_id AND w.question = 'weLearnFromThem'
              AND w.from_organization_id = ${offer}.to_organization_id AND w.to_organization_id = ${offer}.from_organization_id
              AND w.focus_area_id = ${offer}.focus_area_id))`;
}

/** Offers, wishes and met offers of one partnership (`partnershipParam`): one row `{ offers, wishes, met }`. */
export function matchCountsSql(partnershipParam: string): string {
  return `SELECT count(*) FILTER (WHERE o.question = 'theyLearnFromUs')::int AS offers,
                count(*) FILTER (WHERE o.question = 'weLearnFromThem')::int AS wishes,
                count(*) FILTER (WHERE ${offerIsMetSql('o')})::int AS met
         FROM answers o WHERE o.partnership_id = ${partnershipParam}`;
}
