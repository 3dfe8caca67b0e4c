import type { Actor } from './collaboration-policy';
import { adoptionProblem, canAdoptFor, canWritePractice, lineageTrees } from './practice-policy';

const actor = (role: Actor['role'], organizationId: string | null): Actor => ({ role, organizationId });

describe('who writes practices and adoptions', () => {
  it('lets staff and leaders write for their own organisation only', () => {
    for (const role of ['staff', 'leader'] as const) {
      expect(canWritePractice(actor(role, 'baerum'), { organizationId: 'baerum' })).toBe(true);
      expect(canWritePractice(actor(role, 'nav'), { organizationId: 'baerum' })).toBe(false);
      expect(canAdoptFor(actor(role, 'nav'), 'nav')).toBe(true);
      expect(canAdoptFor(actor(role, 'nav'), 'baerum')).toBe(false);
    }
  });

  it('never lets a politician write, and lets an admin write for anyone', () => {
    expect(canWritePractice(actor('politician', 'baerum'), { organizationId: 'baerum' })).toBe(false);
    expect(canAdoptFor(actor('politician', 'nav'), 'nav')).toBe(false);
    expect(canWritePractice(actor('admin', null), { organizationId: 'baerum' })).toBe(true);
    expect(canAdoptFor(actor('admin', null), 'nav')).toBe(true);
  });
});

describe('adoptionProblem', () => {
  const practice = { organizationId: 'baerum', adopterIds: ['nav'] };

  it('refuses the owner and a second adoption', () => {
    expect(adoptionProblem(practice, 'baerum')).toBe('OWN_PRACTICE');
    expect(adoptionProblem(practice, 'nav')).toBe('ALREADY_ADOPTED');
  });

  it('allows anyone else once', () => {
    expect(adoptionProblem(practice, 'vestre-toten')).toBeNull();
  });
});

describe('lineageTrees', () => {
  const node = (id: string, depth: number) => ({ id, depth });

  it('walks back to the origins and forward to what was built since', () => {
    // baerum and toten → nav → roskilde
    const nodes = [node('baerum', -1), node('toten', -1), node('nav', 0), node('roskilde', 1)];
    const edges = [
      { from: 'baerum', to: 'nav' },
      { from: 'toten', to: 'nav' },
      { from: 'nav', to: 'roskilde' },
    ];
    const { root, origins, spread } = lineageTrees(nodes, edges);
    expect(root?.id).toBe('nav');
    expect(origins.map((b) => b.node.id)).toEqual(['baerum', 'toten']);
    expect(spread).toEqual([{ node: node('roskilde', 1), children: [] }]);
  });

  it('shows a practice under each route that reaches it and stops at a cycle', () => {
    const nodes = [node('a', 0), node('b', 1), node('c', 1), node('d', 2)];
    const edges = [
      { from: 'a', to: 'b' },
      { from: 'a', to: 'c' },
      { from: 'b', to: 'd' },
      { from: 'c', to: 'd' },
      { from: 'd', to: 'a' },
    ];
    const { spread } = lineageTrees(nodes, edges);
    expect(spread.map((b) => [b.node.id, b.children.map((c) => c.node.id)])).toEqual([
      ['b', ['d']],
      ['c', ['d']],
    ]);
    expect(spread[0]?.children[0]?.children).toEqual([]);
  });

  it('has no tree without the practice itself', () => {
    expect(lineageTrees([node('x', 1)], [])).toEqual({ root: null, origins: [], spread: [] });
  });
});
