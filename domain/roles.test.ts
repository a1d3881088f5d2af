import { describe, expect, it } from 'vitest';
import { can, circuitName, circuitOfScope, courtCircuitsOf, ROLE_PERMISSIONS, ROLES } from './roles.ts';

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

describe('court circuits', () => {
  it('reads a court grant’s circuit and nothing from other scopes', () => {
    expect(circuitOfScope('circuit:16')).toBe(16);
    expect(circuitOfScope('*')).toBeNull();
    expect(circuitOfScope('circuit:x')).toBeNull();
    expect(
      courtCircuitsOf([
        { role: 'court', scope: 'circuit:7' },
        { role: 'coordinator', scope: 'circuit:8' },
      ]),
    ).toEqual([7]);
  });

  it('names a circuit as the courts do', () => {
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 31, 42, 46].map(circuitName)).toEqual(
      [
        '1st',
        '2nd',
        '3rd',
        '4th',
        '11th',
        '12th',
        '13th',
        '21st',
        '22nd',
        '23rd',
        '31st',
        '42nd',
        '46th',
      ].map((n) => `the ${n} Judicial Circuit`),
    );
  });
});
