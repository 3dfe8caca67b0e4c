import { fieldChanges } from './audit-changes';

describe('fieldChanges', () => {
  it('pairs each field before and after, as text', () => {
    expect(fieldChanges({ role: 'staff', name: 'Kari' }, { role: 'leader', name: 'Kari L' })).toEqual([
      { field: 'role', before: 'staff', after: 'leader' },
      { field: 'name', before: 'Kari', after: 'Kari L' },
    ]);
  });

  it('shows what was only created or only removed, and writes other values as JSON', () => {
    expect(fieldChanges(null, { memberIds: ['a', 'b'], active: false })).toEqual([
      { field: 'memberIds', before: null, after: '["a","b"]' },
      { field: 'active', before: null, after: 'false' },
    ]);
    expect(fieldChanges({ text: 'Borte' }, null)).toEqual([{ field: 'text', before: 'Borte', after: null }]);
    expect(fieldChanges(null, null)).toEqual([]);
  });
});
