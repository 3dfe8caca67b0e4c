import type { AnswerResponse, PartnershipResponse, Question, QuestionsResponse } from '@samspill/contracts';
import { type Actor, type MatchableAnswer, canEditAnswer, matchOffersAndWishes } from '@samspill/domain';

export interface AnswerView {
  answer: AnswerResponse;
  question: Question;
  from: { id: string; name: string };
  to: { id: string; name: string };
  focusAreaName: string | null;
  /** For offers and wishes: whether one on the other side meets it. Null for `doTogether`. */
  met: boolean | null;
  canEdit: boolean;
}

/**
 * What flows from one member to another: what A says B can learn from A
 * (A's offers) beside what B says it wants to learn from A (B's wishes),
 * and what A proposes doing together with B.
 */
export interface PairView {
  key: string;
  from: { id: string; name: string };
  to: { id: string; name: string };
  offers: AnswerView[];
  wishes: AnswerView[];
  together: AnswerView[];
  metCount: number;
}

/** Builds the questions view: one block per ordered pair, each offer and wish marked met or not. */
export function buildPairs(response: QuestionsResponse, partnership: PartnershipResponse, actor: Actor): PairView[] {
  const focusNames = new Map(partnership.focusAreas.map((f) => [f.id, f.name]));
  const focusOrder = new Map(partnership.focusAreas.map((f, i) => [f.id, i]));
  const all: MatchableAnswer[] = response.pairs.flatMap((pair) =>
    (['theyLearnFromUs', 'weLearnFromThem', 'doTogether'] as const).flatMap((question) =>
      pair[question].map((a) => ({ id: a.id, fromId: pair.from.id, toId: pair.to.id, question, focusAreaId: a.focusAreaId })),
    ),
  );
  const match = matchOffersAndWishes(all);

  const view = (answer: AnswerResponse, question: Question, from: PairView['from'], to: PairView['to']): AnswerView => ({
    answer,
    question,
    from,
    to,
    focusAreaName: answer.focusAreaId ? (focusNames.get(answer.focusAreaId) ?? null) : null,
    met:
      question === 'theyLearnFromUs'
        ? match.metOffers.has(answer.id)
        : question === 'weLearnFromThem'
          ? match.metWishes.has(answer.id)
          : null,
    canEdit: canEditAnswer(actor, { fromOrganizationId: from.id }),
  });
  // Met answers first, then by the partnership's order of focus areas, so what meets lines up.
  const order = (a: AnswerView, b: AnswerView) =>
    Number(b.met) - Number(a.met) ||
    (focusOrder.get(a.answer.focusAreaId ?? '') ?? Infinity) - (focusOrder.get(b.answer.focusAreaId ?? '') ?? Infinity) ||
    a.answer.createdAt.localeCompare(b.answer.createdAt);

  return response.pairs.map((pair) => {
    const reverse = response.pairs.find((p) => p.from.id === pair.to.id && p.to.id === pair.from.id);
    const offers = pair.theyLearnFromUs.map((a) => view(a, 'theyLearnFromUs', pair.from, pair.to)).sort(order);
    const wishes = (reverse?.weLearnFromThem ?? []).map((a) => view(a, 'weLearnFromThem', pair.to, pair.from)).sort(order);
    return {
      key: `${pair.from.id}:${pair.to.id}`,
      from: pair.from,
      to: pair.to,
      offers,
      wishes,
      together: pair.doTogether.map((a) => view(a, 'doTogether', pair.from, pair.to)),
      metCount: offers.filter((o) => o.met).length,
    };
  });
}
