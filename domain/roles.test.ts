import { describe, expect, it } from 'vitest';
import { can, ROLE_PERMISSIONS, ROLES } from './roles.ts';

describe('permissions', () => {
  it('gives every role a permission list', () => {
    for (const role of ROLES) expect(ROLE_PERMISSIONS[role].length).toBeGreaterThan(0);
  });

  it("confines a coordinator's permissions to their own program", () => {
    const grants = [{ role: 'coordinator' as const, scope: 'program-a' }];
    expect(can(grants, 'people:invite', 'program-a')).toBe(true);
    expect(can(grants, 'people:invite', 'program-b')).toBe(false);
  });

  it('lets a role held across Parley act in any program only where its permissions allow', () => {
    expect(can([{ role: 'admin', scope: '*' }], 'people:read', 'program-b')).toBe(true);
    expect(can([{ role: 'staff', scope: '*' }], 'people:read', 'program-b')).toBe(false);
    expect(can([{ role: 'staff', scope: '*' }], 'association:invite')).toBe(true);
  });
});
