import type { Question } from '@samspill/contracts';

export interface MatchableAnswer {
  id: string;
  fromId: string;
  toId: string;
  question: Question;
  focusAreaId: string | null;
}

export interface MatchResult {
  /** Offer ids (theyLearnFromUs) that a wish answers, and the wish ids they meet. */
  metOffers: Set<string>;
  metWishes: Set<string>;
  offers: number;
  wishes: number;
}

/**
 * An offer meets a wish when A says B can learn something from A, B says it
 * wants to learn from A, and both are tagged with the same focus area. The
 * rule is deliberately simple so people can see why two answers meet.
 * (The dashboard counts the same way in SQL.)
 */
export function matchOffersAndWishes(answers: readonly MatchableAnswer[]): MatchResult {
  const offers = answers.filter((a) => a.question === 'theyLearnFromUs');
  const wishes = answers.filter((a) => a.question === 'weLearnFromThem');
  const metOffers = new Set<string>();
  const metWishes = new Set<string>();
  for (const offer of offers) {
    if (!offer.focusAreaId) continue;
    for (const wish of wishes) {
      if (wish.fromId === offer.toId && wish.toId === offer.fromId && wish.focusAreaId === offer.focusAreaId) {
        metOffers.add(offer.id);
        metWishes.add(wish.id);
      }
    }
  }
  return { metOffers, metWishes, offers: offers.length, wishes: wishes.length };
}
