import { hasPermission } from './permissions';

describe('hasPermission', () => {
  it('lets only admins create organisations and users', () => {
    expect(hasPermission('admin', 'organizations:create')).toBe(true);
    expect(hasPermission('admin', 'users:create')).toBe(true);
    for (const role of ['staff', 'leader', 'politician'] as const) {
      expect(hasPermission(role, 'organizations:create')).toBe(false);
      expect(hasPermission(role, 'users:create')).toBe(false);
    }
  });

  it('lets every signed-in role read organisations', () => {
    for (const role of ['staff', 'leader', 'politician', 'admin'] as const) {
      expect(hasPermission(role, 'organizations:read')).toBe(true);
    }
  });

  it('lets admins and leaders read and manage people, invitations and the audit trail; only admins edit organisations', () => {
    for (const permission of ['users:read', 'users:update', 'invitations:manage', 'audit:read'] as const) {
      expect(['staff', 'leader', 'politician', 'admin'].filter((role) => hasPermission(role as 'staff', permission))).toEqual([
        'leader',
        'admin',
      ]);
    }
    expect(['staff', 'leader', 'politician', 'admin'].filter((role) => hasPermission(role as 'staff', 'organizations:update'))).toEqual([
      'admin',
    ]);
  });

  it('denies a missing role', () => {
    expect(hasPermission(undefined, 'organizations:read')).toBe(false);
    expect(hasPermission(null, 'organizations:read')).toBe(false);
  });
});
