import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addMonths,
  hasBenefits,
  type MembershipClock,
  membershipStateAt,
  periodAfterPayment,
  reminderDue,
} from './membership.ts';

const DAY = 24 * 60 * 60 * 1000;
const m = (expiresAt: string | null, graceDays = 30): MembershipClock => ({
  status: expiresAt ? 'active' : 'pending',
  expiresAt,
  graceDays,
});
const end = '2027-03-01T00:00:00.000Z';
const at = (offsetDays: number) => new Date(new Date(end).getTime() + offsetDays * DAY);

describe('membership states', () => {
  it('is pending before the first dues are paid', () => {
    expect(membershipStateAt(m(null), new Date())).toBe('pending');
  });

  it('is active before the end, in grace for the grace days after, then lapsed', () => {
    expect(membershipStateAt(m(end), at(-1))).toBe('active');
    expect(membershipStateAt(m(end), new Date(new Date(end).getTime() - 1))).toBe('active');
    expect(membershipStateAt(m(end), at(0))).toBe('grace');
    expect(membershipStateAt(m(end), at(29.99))).toBe('grace');
    expect(membershipStateAt(m(end), at(30))).toBe('lapsed');
    expect(membershipStateAt(m(end, 0), at(0))).toBe('lapsed');
  });

  it('keeps benefits in grace and stops them at lapse', () => {
    expect(hasBenefits('active')).toBe(true);
    expect(hasBenefits('grace')).toBe(true);
    expect(hasBenefits('lapsed')).toBe(false);
    expect(hasBenefits('pending')).toBe(false);
  });

  it('never goes back from lapsed to active as time passes (law)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 90 }),
        fc.integer({ min: -400, max: 400 }),
        fc.nat(400),
        (g, a, b) => {
          const order = ['active', 'grace', 'lapsed'];
          const first = membershipStateAt(m(end, g), at(a));
          const later = membershipStateAt(m(end, g), at(a + b));
          return order.indexOf(later) >= order.indexOf(first);
        },
      ),
    );
  });
});

describe('paying dues', () => {
  it('adds a year from the old end when renewing early or in grace, from today when lapsed or new', () => {
    expect(periodAfterPayment(m(end), at(-10)).expiresAt.toISOString()).toBe('2028-03-01T00:00:00.000Z');
    expect(periodAfterPayment(m(end), at(10)).expiresAt.toISOString()).toBe('2028-03-01T00:00:00.000Z');
    expect(periodAfterPayment(m(end), at(40)).startsAt.toISOString()).toBe(at(40).toISOString());
    const paid = new Date('2026-05-10T12:00:00.000Z');
    expect(periodAfterPayment(m(null), paid).expiresAt.toISOString()).toBe('2027-05-10T12:00:00.000Z');
  });

  it('clamps month ends', () => {
    expect(addMonths(new Date('2027-01-31T00:00:00Z'), 1).toISOString()).toBe('2027-02-28T00:00:00.000Z');
    expect(addMonths(new Date('2028-02-29T00:00:00Z'), 12).toISOString()).toBe('2029-02-28T00:00:00.000Z');
  });
});

describe('reminders', () => {
  it('sends the latest reminder that fell due: before, at expiry, in grace, at lapse', () => {
    expect(reminderDue(m(end), at(-31))).toBeNull();
    expect(reminderDue(m(end), at(-30))).toBe('renew-30-days');
    expect(reminderDue(m(end), at(-8))).toBe('renew-30-days');
    expect(reminderDue(m(end), at(-7))).toBe('renew-7-days');
    expect(reminderDue(m(end), at(0))).toBe('expired');
    expect(reminderDue(m(end), at(15))).toBe('grace');
    expect(reminderDue(m(end), at(30))).toBe('lapsed');
    expect(reminderDue(m(end), at(300))).toBe('lapsed');
  });

  it('sends nothing for a membership not yet paid', () => {
    expect(reminderDue(m(null), at(0))).toBeNull();
  });
});
