import type { Actor, PartnershipScope } from './collaboration-policy';
import { canWriteInThread } from './discussion-policy';

const platform: PartnershipScope = { visibility: 'platform', memberIds: ['gran', 'lunner'], observerIds: ['statsforvalteren'] };
const staff = (organizationId: string | null): Actor => ({ role: 'staff', organizationId });

describe('canWriteInThread', () => {
  it('lets members and observers write on a project and its partnership', () => {
    for (const org of ['gran', 'statsforvalteren']) {
      expect(canWriteInThread(staff(org), { type: 'project', partnership: platform })).toBe(true);
      expect(canWriteInThread({ role: 'leader', organizationId: org }, { type: 'partnership', partnership: platform })).toBe(true);
    }
  });

  it('lets an outside organisation ask on a platform partnership, but not write on its projects', () => {
    expect(canWriteInThread(staff('roskilde'), { type: 'partnership', partnership: platform })).toBe(true);
    expect(canWriteInThread(staff('roskilde'), { type: 'project', partnership: platform })).toBe(false);
    expect(canWriteInThread(staff('roskilde'), { type: 'partnership', partnership: { ...platform, visibility: 'members' } })).toBe(false);
  });

  it('takes questions from the floor on a public partnership too (everyone may read it)', () => {
    const open: PartnershipScope = { ...platform, visibility: 'public' };
    expect(canWriteInThread(staff('roskilde'), { type: 'partnership', partnership: open })).toBe(true);
    expect(canWriteInThread(staff('roskilde'), { type: 'project', partnership: open })).toBe(false);
  });

  it('lets staff and leaders write on every practice; admins and politicians write nowhere', () => {
    expect(canWriteInThread(staff('roskilde'), { type: 'practice', partnership: null })).toBe(true);
    expect(canWriteInThread({ role: 'admin', organizationId: null }, { type: 'project', partnership: platform })).toBe(false);
    expect(canWriteInThread({ role: 'admin', organizationId: null }, { type: 'practice', partnership: null })).toBe(false);
    expect(canWriteInThread({ role: 'politician', organizationId: 'gran' }, { type: 'project', partnership: platform })).toBe(false);
    expect(canWriteInThread({ role: 'politician', organizationId: 'gran' }, { type: 'practice', partnership: null })).toBe(false);
    expect(canWriteInThread(staff(null), { type: 'project', partnership: platform })).toBe(false);
  });
});
