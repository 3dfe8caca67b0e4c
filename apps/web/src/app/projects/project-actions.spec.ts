import type { PartnershipResponse, ProjectResponse } from '@samspill/contracts';
import { projectActions } from './project-actions';

const partnership: PartnershipResponse = {
  id: 'p',
  name: 'PILOTen Hadeland',
  description: '',
  visibility: 'members',
  members: [
    { id: 'gran', name: 'Gran kommune', kind: 'municipality' },
    { id: 'lunner', name: 'Lunner kommune', kind: 'municipality' },
  ],
  observers: [],
  focusAreas: [],
};

const project = (changes: Partial<ProjectResponse> = {}): ProjectResponse => ({
  id: 'pr',
  partnershipId: 'p',
  title: 'Digitalt tilsyn',
  description: '',
  focusArea: null,
  stage: 'test',
  status: 'active',
  participants: [{ id: 'gran', name: 'Gran kommune' }],
  sourceAnswerId: null,
  createdBy: { id: 'u', name: 'Gunnar Ansatt' },
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
  version: 1,
  ...changes,
});

const granStaff = { role: 'staff' as const, organizationId: 'gran' };
const granLeader = { role: 'leader' as const, organizationId: 'gran' };

describe('projectActions', () => {
  it('lets staff move back but leaves establish to a leader, and says so', () => {
    expect(projectActions(granStaff, project(), partnership)).toEqual({
      canWork: true,
      stageTargets: ['learn'],
      leaderDecides: true,
      statusTargets: ['stopped', 'completed'],
    });
  });

  it('lets a leader establish, or move back', () => {
    const actions = projectActions(granLeader, project(), partnership);
    expect(actions.stageTargets).toEqual(['establish', 'learn']);
    expect(actions.leaderDecides).toBe(false);
  });

  it('offers earlier stages nearest first, and no move forward from establish', () => {
    expect(projectActions(granLeader, project({ stage: 'establish' }), partnership).stageTargets).toEqual(['test', 'learn']);
  });

  it('moves nothing while stopped, but offers to resume or complete', () => {
    const actions = projectActions(granStaff, project({ status: 'stopped' }), partnership);
    expect(actions.stageTargets).toEqual([]);
    expect(actions.leaderDecides).toBe(false);
    expect(actions.statusTargets).toEqual(['active', 'completed']);
    expect(projectActions(granStaff, project({ status: 'completed' }), partnership).statusTargets).toEqual([]);
  });

  it('gives politicians and members that do not take part nothing to do', () => {
    const nothing = { canWork: false, stageTargets: [], leaderDecides: false, statusTargets: [] };
    expect(projectActions({ role: 'politician', organizationId: 'lunner' }, project(), partnership)).toEqual(nothing);
    expect(projectActions({ role: 'staff', organizationId: 'lunner' }, project(), partnership)).toEqual(nothing);
  });
});
