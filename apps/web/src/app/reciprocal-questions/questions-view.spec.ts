import type { AnswerResponse, PartnershipResponse, QuestionsResponse } from '@samspill/contracts';
import { buildPairs } from './questions-view';

const gran = { id: 'gran', name: 'Gran kommune' };
const lunner = { id: 'lunner', name: 'Lunner kommune' };

const partnership: PartnershipResponse = {
  id: 'p',
  name: 'PILOTen Hadeland',
  description: '',
  visibility: 'members',
  members: [
    { ...gran, kind: 'municipality' },
    { ...lunner, kind: 'municipality' },
  ],
  observers: [],
  focusAreas: [
    { id: 'politics', name: 'Politikerrollen', description: '' },
    { id: 'health', name: 'Helse og omsorg', description: '' },
  ],
};

const answer = (id: string, focusAreaId: string | null, createdAt = '2026-01-01T00:00:00Z'): AnswerResponse => ({
  id,
  text: id,
  focusAreaId,
  author: { id: 'u', name: 'Kari' },
  createdAt,
  projectId: null,
});

const response: QuestionsResponse = {
  pairs: [
    {
      from: gran,
      to: lunner,
      theyLearnFromUs: [answer('gran-offers-politics', 'politics'), answer('gran-offers-health', 'health')],
      weLearnFromThem: [answer('gran-wishes-politics', 'politics')],
      doTogether: [answer('gran-together', null)],
    },
    {
      from: lunner,
      to: gran,
      theyLearnFromUs: [answer('lunner-offers-nothing-tagged', null)],
      weLearnFromThem: [answer('lunner-wishes-untagged', null, '2026-01-02T00:00:00Z'), answer('lunner-wishes-health', 'health')],
      doTogether: [],
    },
  ],
};

describe('buildPairs', () => {
  const granStaff = { role: 'staff' as const, organizationId: 'gran' };

  it("sets A's offers to B beside B's wishes from A, and marks where they meet on a focus area", () => {
    const [granToLunner, lunnerToGran] = buildPairs(response, partnership, granStaff);

    expect(granToLunner?.from).toEqual(gran);
    expect(granToLunner?.offers.map((o) => [o.answer.id, o.met, o.focusAreaName])).toEqual([
      ['gran-offers-health', true, 'Helse og omsorg'],
      ['gran-offers-politics', false, 'Politikerrollen'],
    ]);
    expect(granToLunner?.wishes.map((w) => [w.answer.id, w.met, w.from.id])).toEqual([
      ['lunner-wishes-health', true, 'lunner'],
      ['lunner-wishes-untagged', false, 'lunner'],
    ]);
    expect(granToLunner?.metCount).toBe(1);
    expect(granToLunner?.together.map((t) => [t.answer.id, t.met])).toEqual([['gran-together', null]]);

    // Lunner offers nothing on a focus area, so Gran's politics wish stays open.
    expect(lunnerToGran?.offers.map((o) => o.met)).toEqual([false]);
    expect(lunnerToGran?.wishes.map((w) => [w.answer.id, w.met])).toEqual([['gran-wishes-politics', false]]);
  });

  it('lets people edit only their own organisation’s answers', () => {
    const [granToLunner] = buildPairs(response, partnership, granStaff);
    expect(granToLunner?.offers.every((o) => o.canEdit)).toBe(true);
    expect(granToLunner?.wishes.some((w) => w.canEdit)).toBe(false);

    const [politician] = buildPairs(response, partnership, { role: 'politician', organizationId: 'gran' });
    expect(politician?.offers.some((o) => o.canEdit)).toBe(false);
  });
});
