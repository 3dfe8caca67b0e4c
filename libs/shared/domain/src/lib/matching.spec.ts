import { matchOffersAndWishes, type MatchableAnswer } from './matching';

const answer = (
  id: string,
  fromId: string,
  toId: string,
  question: MatchableAnswer['question'],
  focusAreaId: string | null,
): MatchableAnswer => ({
  id,
  fromId,
  toId,
  question,
  focusAreaId,
});

describe('matchOffersAndWishes', () => {
  it('meets what Gran offers Lunner with what Lunner wants from Gran in the same focus area', () => {
    const result = matchOffersAndWishes([
      answer('offer', 'gran', 'lunner', 'theyLearnFromUs', 'health'),
      answer('wish', 'lunner', 'gran', 'weLearnFromThem', 'health'),
      answer('other-wish', 'lunner', 'gran', 'weLearnFromThem', 'politics'),
    ]);
    expect([...result.metOffers]).toEqual(['offer']);
    expect([...result.metWishes]).toEqual(['wish']);
    expect(result.offers).toBe(1);
    expect(result.wishes).toBe(2);
  });

  it('does not meet across the wrong direction or without a focus area', () => {
    const result = matchOffersAndWishes([
      answer('offer', 'gran', 'lunner', 'theyLearnFromUs', 'health'),
      answer('wrong-way', 'gran', 'lunner', 'weLearnFromThem', 'health'),
      answer('untagged-offer', 'gran', 'lunner', 'theyLearnFromUs', null),
      answer('untagged-wish', 'lunner', 'gran', 'weLearnFromThem', null),
    ]);
    expect(result.metOffers.size).toBe(0);
    expect(result.metWishes.size).toBe(0);
  });
});
