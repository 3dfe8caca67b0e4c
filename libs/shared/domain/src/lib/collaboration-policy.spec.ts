import {
  type Actor,
  canAnswerQuestions,
  canCreatePartnership,
  canDecideStage,
  canEditLogEntry,
  canEditAnswer,
  canManagePartnership,
  canSeePartnership,
  isPublic,
  canWorkOnProject,
  earlierStages,
  nextStage,
  stageMoveProblem,
  statusChangeProblem,
} from './collaboration-policy';
import { STAGES } from '@samspill/contracts/values';
import fc from 'fast-check';
import { indicatorProgress } from './progress';

const GRAN = 'gran';
const LUNNER = 'lunner';
const ROSKILDE = 'roskilde';
const pilot = { visibility: 'members' as const, memberIds: [GRAN, LUNNER] };
const open = { visibility: 'platform' as const, memberIds: [GRAN, LUNNER] };
const project = { partnership: pilot, participantIds: [GRAN] };
const actor = (role: Actor['role'], organizationId: string | null): Actor => ({ role, organizationId });

describe('visibility', () => {
  it('hides a members partnership from outsiders, whatever their role', () => {
    for (const role of ['staff', 'leader', 'politician'] as const) {
      expect(canSeePartnership(actor(role, ROSKILDE), pilot)).toBe(false);
      expect(canSeePartnership(actor(role, GRAN), pilot)).toBe(true);
    }
    expect(canSeePartnership(actor('admin', null), pilot)).toBe(true);
  });

  it('shows a platform partnership to everyone signed in', () => {
    expect(canSeePartnership(actor('politician', ROSKILDE), open)).toBe(true);
  });

  it('shows a public partnership to everyone signed in, and only a public one is public', () => {
    expect(canSeePartnership(actor('staff', GRAN), { ...open, visibility: 'public' })).toBe(true);
    expect(isPublic({ visibility: 'public' })).toBe(true);
    expect(isPublic(open)).toBe(false);
    expect(isPublic(pilot)).toBe(false);
  });
});

describe('observers', () => {
  const STATSFORVALTEREN = 'statsforvalteren';
  const observed = { ...pilot, observerIds: [STATSFORVALTEREN] };
  const observedProject = { partnership: observed, participantIds: [GRAN] };

  it('see a members partnership whole, whatever their role; others still see nothing', () => {
    for (const role of ['staff', 'leader', 'politician'] as const) {
      expect(canSeePartnership(actor(role, STATSFORVALTEREN), observed)).toBe(true);
      expect(canSeePartnership(actor(role, STATSFORVALTEREN), pilot)).toBe(false);
      expect(canSeePartnership(actor(role, ROSKILDE), observed)).toBe(false);
    }
  });

  it('write nothing: not the partnership, not the questions, not a project, not even as leaders', () => {
    for (const role of ['staff', 'leader'] as const) {
      const observer = actor(role, STATSFORVALTEREN);
      expect(canManagePartnership(observer, observed)).toBe(false);
      expect(canAnswerQuestions(observer, observed)).toBe(false);
      expect(canWorkOnProject(observer, observedProject)).toBe(false);
      expect(canDecideStage(observer, observedProject, 'test')).toBe(false);
    }
  });
});

describe('writing', () => {
  it('never lets a politician write', () => {
    const p = actor('politician', GRAN);
    expect(canAnswerQuestions(p, pilot)).toBe(false);
    expect(canWorkOnProject(p, project)).toBe(false);
    expect(canManagePartnership(p, pilot)).toBe(false);
    expect(canCreatePartnership(p)).toBe(false);
  });

  it('lets staff and leaders work only where their organisation takes part', () => {
    expect(canWorkOnProject(actor('staff', GRAN), project)).toBe(true);
    expect(canWorkOnProject(actor('staff', LUNNER), project)).toBe(false);
    expect(canAnswerQuestions(actor('staff', LUNNER), pilot)).toBe(true);
    expect(canAnswerQuestions(actor('leader', ROSKILDE), open)).toBe(false);
    expect(canEditAnswer(actor('staff', GRAN), { fromOrganizationId: LUNNER })).toBe(false);
  });

  it('lets only leaders of members manage a partnership', () => {
    expect(canManagePartnership(actor('leader', GRAN), pilot)).toBe(true);
    expect(canManagePartnership(actor('staff', GRAN), pilot)).toBe(false);
    expect(canManagePartnership(actor('leader', ROSKILDE), pilot)).toBe(false);
  });
});

describe('log entries', () => {
  it('are reworded only by their author, or an admin', () => {
    const entry = { authorId: 'u1' };
    expect(canEditLogEntry({ ...actor('staff', GRAN), userId: 'u1' }, entry, project)).toBe(true);
    expect(canEditLogEntry({ ...actor('leader', GRAN), userId: 'u2' }, entry, project)).toBe(false);
    expect(canEditLogEntry({ ...actor('staff', LUNNER), userId: 'u1' }, entry, project)).toBe(false);
    expect(canEditLogEntry({ ...actor('admin', null), userId: 'a' }, entry, project)).toBe(true);
  });
});

describe('stages', () => {
  it('moves forward one stage at a time and back to any earlier one', () => {
    expect(stageMoveProblem('learn', 'test', 'active')).toBeNull();
    expect(stageMoveProblem('test', 'establish', 'active')).toBeNull();
    expect(stageMoveProblem('learn', 'establish', 'active')).toBe('SKIPS_A_STAGE');
    expect(stageMoveProblem('establish', 'learn', 'active')).toBeNull();
    expect(stageMoveProblem('test', 'test', 'active')).toBe('SAME_STAGE');
    expect(stageMoveProblem('learn', 'test', 'stopped')).toBe('PROJECT_NOT_ACTIVE');
  });

  it('leaves establish to leaders of a participating organisation', () => {
    expect(canDecideStage(actor('staff', GRAN), project, 'test')).toBe(true);
    expect(canDecideStage(actor('staff', GRAN), project, 'establish')).toBe(false);
    expect(canDecideStage(actor('leader', GRAN), project, 'establish')).toBe(true);
    expect(canDecideStage(actor('leader', LUNNER), project, 'establish')).toBe(false);
    expect(canDecideStage(actor('admin', null), project, 'establish')).toBe(true);
  });

  it('knows the next and the earlier stages', () => {
    expect(nextStage('learn')).toBe('test');
    expect(nextStage('establish')).toBeNull();
    expect(earlierStages('establish')).toEqual(['learn', 'test']);
  });

  it('takes every order from STAGES: next, earlier and the forward step agree', () => {
    STAGES.forEach((stage, i) => {
      expect(nextStage(stage)).toBe(STAGES[i + 1] ?? null);
      expect(earlierStages(stage)).toEqual(STAGES.slice(0, i));
      for (const to of STAGES) {
        const allowed = stageMoveProblem(stage, to, 'active') === null;
        expect(allowed).toBe(to === nextStage(stage) || earlierStages(stage).includes(to));
      }
    });
  });

  it('lets a stopped project resume but keeps a completed one closed', () => {
    expect(statusChangeProblem('active', 'stopped')).toBeNull();
    expect(statusChangeProblem('stopped', 'active')).toBeNull();
    expect(statusChangeProblem('completed', 'active')).toBe('ALREADY_CLOSED');
    expect(statusChangeProblem('active', 'active')).toBe('SAME_STATUS');
  });
});

describe('indicatorProgress', () => {
  it('measures the share of the way from baseline to target', () => {
    expect(indicatorProgress(14, 7, 'decrease', 10.5)).toBeCloseTo(0.5);
    expect(indicatorProgress(0, 4, 'increase', 1)).toBeCloseTo(0.25);
  });

  it('clamps to 0..1 and is null before any measurement', () => {
    expect(indicatorProgress(14, 7, 'decrease', 20)).toBe(0);
    expect(indicatorProgress(14, 7, 'decrease', 3)).toBe(1);
    expect(indicatorProgress(14, 7, 'decrease', null)).toBeNull();
  });

  it('when baseline equals target, is 1 at or past the target in the direction, else 0', () => {
    expect(indicatorProgress(5, 5, 'increase', 5)).toBe(1);
    expect(indicatorProgress(5, 5, 'increase', 6)).toBe(1);
    expect(indicatorProgress(5, 5, 'increase', 4)).toBe(0);
    expect(indicatorProgress(5, 5, 'decrease', 5)).toBe(1);
    expect(indicatorProgress(5, 5, 'decrease', 4)).toBe(1);
    expect(indicatorProgress(5, 5, 'decrease', 6)).toBe(0);
  });

  const figure = fc.double({ min: -1e6, max: 1e6, noNaN: true });
  const direction = fc.constantFrom(...(['increase', 'decrease'] as const));

  it('is always within 0..1, and 1 exactly when the target is reached in the direction', () => {
    fc.assert(
      fc.property(figure, figure, direction, figure, (baseline, target, dir, value) => {
        const progress = indicatorProgress(baseline, target, dir, value);
        expect(progress).not.toBeNull();
        expect(progress).toBeGreaterThanOrEqual(0);
        expect(progress).toBeLessThanOrEqual(1);
        const towardTarget = baseline === target ? dir === 'increase' : target > baseline;
        const reached = towardTarget ? value >= target : value <= target;
        if (reached) expect(progress).toBe(1);
      }),
      { numRuns: 500 },
    );
  });

  it('never falls when the value moves toward the target', () => {
    fc.assert(
      fc.property(figure, figure, direction, figure, figure, (baseline, target, dir, a, b) => {
        const towardTarget = baseline === target ? dir === 'increase' : target > baseline;
        const [worse, better] = (towardTarget ? a <= b : a >= b) ? [a, b] : [b, a];
        expect(indicatorProgress(baseline, target, dir, better)).toBeGreaterThanOrEqual(
          indicatorProgress(baseline, target, dir, worse) ?? 0,
        );
      }),
      { numRuns: 500 },
    );
  });
});
