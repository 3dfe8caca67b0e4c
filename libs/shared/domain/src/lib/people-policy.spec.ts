import { ROLES } from '@samspill/contracts/values';
import { canManageInvitation, canReadAuditEntry, canSeePerson, invitationProblem, personChangeProblem } from './people-policy';
import { hasPermission } from './permissions';

const GRAN = 'gran';
const LUNNER = 'lunner';
const leader = { role: 'leader' as const, organizationId: GRAN, userId: 'guro' };
const admin = { role: 'admin' as const, organizationId: null, userId: 'root' };
const granStaff = { id: 'gunnar', role: 'staff' as const, organizationId: GRAN };
const lunnerStaff = { id: 'lars', role: 'staff' as const, organizationId: LUNNER };

describe('who manages whom', () => {
  it('lets a leader see the people of their own organisation only; an admin everyone', () => {
    expect(canSeePerson(leader, granStaff)).toBe(true);
    expect(canSeePerson(leader, lunnerStaff)).toBe(false);
    expect(canSeePerson(leader, { organizationId: null })).toBe(false);
    expect(canSeePerson(admin, lunnerStaff)).toBe(true);
    for (const role of ['staff', 'politician'] as const) {
      expect(canSeePerson({ role, organizationId: GRAN }, granStaff)).toBe(false);
    }
  });

  it('lets a leader change name, role and active of their own people, but never make or touch an admin', () => {
    expect(personChangeProblem(leader, granStaff, { role: 'leader' })).toBeNull();
    expect(personChangeProblem(leader, granStaff, { role: 'politician', active: false })).toBeNull();
    expect(personChangeProblem(leader, granStaff, { role: 'admin' })).toBe('MAKES_AN_ADMIN');
    expect(personChangeProblem(leader, { id: 'x', role: 'admin', organizationId: GRAN }, {})).toBe('MANAGES_AN_ADMIN');
    expect(personChangeProblem(admin, granStaff, { role: 'admin' })).toBeNull();
  });

  it('never lets anyone change their own role or deactivate themselves; the name is theirs to change', () => {
    expect(personChangeProblem(leader, { id: 'guro', role: 'leader', organizationId: GRAN }, { role: 'staff' })).toBe('OWN_ROLE');
    expect(personChangeProblem(admin, { id: 'root', role: 'admin', organizationId: null }, { role: 'staff' })).toBe('OWN_ROLE');
    expect(personChangeProblem(admin, { id: 'root', role: 'admin', organizationId: null }, { active: false })).toBe('OWN_DEACTIVATION');
    expect(personChangeProblem(leader, { id: 'guro', role: 'leader', organizationId: GRAN }, { role: 'leader' })).toBeNull();
    expect(personChangeProblem(leader, { id: 'guro', role: 'leader', organizationId: GRAN }, {})).toBeNull();
  });

  it('refuses every change by staff and politicians', () => {
    for (const role of ['staff', 'politician'] as const) {
      expect(personChangeProblem({ role, organizationId: GRAN, userId: 'u' }, granStaff, {})).toBe('NOT_A_MANAGER');
    }
  });

  it('agrees with the permission table: only the roles with users:update manage anyone', () => {
    for (const role of ROLES) {
      const allowed = personChangeProblem({ role, organizationId: GRAN, userId: 'u' }, granStaff, {}) === null;
      expect(allowed).toBe(hasPermission(role, 'users:update'));
    }
  });
});

describe('invitations', () => {
  it('lets a leader invite into their own organisation, any role but admin', () => {
    expect(invitationProblem(leader, { role: 'staff', organizationId: GRAN })).toBeNull();
    expect(invitationProblem(leader, { role: 'leader', organizationId: GRAN })).toBeNull();
    expect(invitationProblem(leader, { role: 'admin', organizationId: GRAN })).toBe('MAKES_AN_ADMIN');
    expect(invitationProblem(leader, { role: 'staff', organizationId: LUNNER })).toBe('OTHER_ORGANIZATION');
    expect(invitationProblem(admin, { role: 'admin', organizationId: null })).toBeNull();
    expect(invitationProblem({ role: 'staff', organizationId: GRAN }, { role: 'staff', organizationId: GRAN })).toBe('NOT_A_MANAGER');
  });

  it('shows a leader the invitations into their own organisation only', () => {
    expect(canManageInvitation(leader, { organizationId: GRAN })).toBe(true);
    expect(canManageInvitation(leader, { organizationId: LUNNER })).toBe(false);
    expect(canManageInvitation(admin, { organizationId: null })).toBe(true);
  });
});

describe('the audit trail', () => {
  it('shows a leader what their people did and what was done to their organisation; an admin everything', () => {
    expect(canReadAuditEntry(leader, { actorOrganizationId: GRAN, concerns: [] })).toBe(true);
    expect(canReadAuditEntry(leader, { actorOrganizationId: null, concerns: [GRAN, LUNNER] })).toBe(true);
    expect(canReadAuditEntry(leader, { actorOrganizationId: LUNNER, concerns: [LUNNER] })).toBe(false);
    expect(canReadAuditEntry(admin, { actorOrganizationId: LUNNER, concerns: [] })).toBe(true);
    expect(canReadAuditEntry({ role: 'staff', organizationId: GRAN }, { actorOrganizationId: GRAN, concerns: [GRAN] })).toBe(false);
  });
});
