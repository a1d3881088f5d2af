import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addMonths,
  canMoveMilestone,
  dueDateOf,
  IllegalMilestoneTransition,
  inferResponsible,
  isSettled,
  isUnkept,
  keptOnTime,
  MILESTONE_STATES,
  type MilestoneState,
  mayActOnMilestone,
  nextMilestoneState,
  reminderDue,
  reminderRecipients,
  shouldMarkMissed,
} from './compliance.ts';

describe('relative due dates', () => {
  it('"within 30 days" counts calendar days across months of different lengths', () => {
    expect(dueDateOf({ kind: 'days_after_signing', days: 30 }, '2026-03-02')).toBe('2026-04-01');
    expect(dueDateOf({ kind: 'days_after_signing', days: 30 }, '2026-01-31')).toBe('2026-03-02');
    expect(dueDateOf({ kind: 'days_after_signing', days: 30 }, '2028-01-31')).toBe('2028-03-01'); // leap year
    expect(dueDateOf({ kind: 'days_after_signing', days: 30 }, '2026-04-01')).toBe('2026-05-01');
    expect(dueDateOf({ kind: 'days_after_signing', days: 1 }, '2026-12-31')).toBe('2027-01-01');
    expect(dueDateOf({ kind: 'date', date: '2026-03-03' }, '2026-03-02')).toBe('2026-03-03');
  });

  it('"within 2 months" keeps the day of the month, or the last day of a shorter month', () => {
    expect(dueDateOf({ kind: 'months_after_signing', months: 2 }, '2026-03-15')).toBe('2026-05-15');
    expect(dueDateOf({ kind: 'months_after_signing', months: 2 }, '2025-12-31')).toBe('2026-02-28');
    expect(dueDateOf({ kind: 'months_after_signing', months: 2 }, '2027-12-31')).toBe('2028-02-29');
    expect(dueDateOf({ kind: 'months_after_signing', months: 1 }, '2026-01-31')).toBe('2026-02-28');
    expect(dueDateOf({ kind: 'months_after_signing', months: 1 }, '2026-03-31')).toBe('2026-04-30');
    expect(dueDateOf({ kind: 'months_after_signing', months: 1 }, '2026-02-28')).toBe('2026-03-28');
    expect(dueDateOf({ kind: 'months_after_signing', months: 12 }, '2028-02-29')).toBe('2029-02-28');
    expect(dueDateOf({ kind: 'months_after_signing', months: 14 }, '2026-11-30')).toBe('2028-01-30');
  });

  it('adding months never goes past the end of the target month and never goes backwards', () => {
    const day = fc
      .date({
        min: new Date('2000-01-01T00:00:00Z'),
        max: new Date('2090-12-31T00:00:00Z'),
        noInvalidDate: true,
      })
      .map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 36 }), (date, months) => {
        const out = addMonths(date, months);
        expect(out >= date).toBe(true);
        const [y, m] = date.split('-').map(Number) as [number, number];
        const [oy, om, od] = out.split('-').map(Number) as [number, number, number];
        expect(oy * 12 + om - (y * 12 + m)).toBe(months);
        expect(od).toBeLessThanOrEqual(new Date(Date.UTC(oy, om, 0)).getUTCDate());
        expect(od).toBeLessThanOrEqual(Number(date.slice(8)));
      }),
    );
  });
});

describe('milestone states', () => {
  it('follows the lifecycle and refuses the rest', () => {
    expect(nextMilestoneState('pending', 'mark_done')).toBe('done');
    expect(nextMilestoneState('missed', 'mark_done')).toBe('done');
    expect(nextMilestoneState('done', 'confirm')).toBe('confirmed');
    expect(nextMilestoneState('done', 'dispute')).toBe('disputed');
    expect(nextMilestoneState('disputed', 'mark_done')).toBe('done');
    expect(nextMilestoneState('pending', 'miss')).toBe('missed');
    expect(nextMilestoneState('missed', 'waive')).toBe('waived');
    expect(() => nextMilestoneState('waived', 'mark_done')).toThrow(IllegalMilestoneTransition);
    expect(() => nextMilestoneState('pending', 'confirm')).toThrow(IllegalMilestoneTransition);
    expect(() => nextMilestoneState('confirmed', 'waive')).toThrow(IllegalMilestoneTransition);
    expect(() => nextMilestoneState('done', 'miss')).toThrow(IllegalMilestoneTransition);
  });

  it('waived is final and nothing leads back to pending', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...MILESTONE_STATES),
        fc.constantFrom('mark_done', 'confirm', 'dispute', 'waive', 'miss' as const),
        (state: MilestoneState, action) => {
          let to: MilestoneState | undefined;
          try {
            to = nextMilestoneState(state, action);
          } catch {
            return;
          }
          expect(state).not.toBe('waived');
          expect(to).not.toBe('pending');
        },
      ),
    );
  });

  it('says ahead which steps a state allows, exactly as the lifecycle moves', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...MILESTONE_STATES),
        fc.constantFrom('mark_done', 'confirm', 'dispute', 'waive', 'miss' as const),
        (state: MilestoneState, action) => {
          let moves = true;
          try {
            nextMilestoneState(state, action);
          } catch {
            moves = false;
          }
          expect(canMoveMilestone(state, action)).toBe(moves);
        },
      ),
    );
    expect(MILESTONE_STATES.filter(isSettled)).toEqual(['confirmed', 'waived']);
  });

  it('counts a promise unkept when it is missed, disputed, or not done by its date', () => {
    const on = (state: MilestoneState, dueDate = '2026-04-01') => isUnkept({ state, dueDate }, '2026-04-01');
    expect(MILESTONE_STATES.filter((s) => on(s))).toEqual(['disputed', 'missed']);
    expect(isUnkept({ state: 'pending', dueDate: '2026-03-31' }, '2026-04-01')).toBe(true);
    expect(isUnkept({ state: 'done', dueDate: '2026-03-31' }, '2026-04-01')).toBe(false);
  });

  it('only Parley marks a promise missed, once its date has passed', () => {
    expect(shouldMarkMissed({ state: 'pending', dueDate: '2026-04-01' }, '2026-04-01')).toBe(false);
    expect(shouldMarkMissed({ state: 'pending', dueDate: '2026-04-01' }, '2026-04-02')).toBe(true);
    expect(shouldMarkMissed({ state: 'done', dueDate: '2026-04-01' }, '2026-04-02')).toBe(false);
    const m = { responsible: 'respondent' as const, doneBySide: null };
    expect(mayActOnMilestone('miss', { kind: 'system' }, m).ok).toBe(true);
    expect(mayActOnMilestone('miss', { kind: 'party', side: 'requester' }, m).ok).toBe(false);
  });
});

describe('who may mark done, confirm, dispute and waive', () => {
  const district = { kind: 'party' as const, side: 'respondent' as const };
  const parent = { kind: 'party' as const, side: 'requester' as const };
  const advocate = { kind: 'companion' as const, side: 'requester' as const };
  const districtPromise = { responsible: 'respondent' as const, doneBySide: null };

  it('the responsible side marks done; the other side confirms or disputes', () => {
    expect(mayActOnMilestone('mark_done', district, districtPromise).ok).toBe(true);
    expect(mayActOnMilestone('mark_done', parent, districtPromise).ok).toBe(false);
    expect(mayActOnMilestone('confirm', parent, districtPromise).ok).toBe(true);
    expect(mayActOnMilestone('dispute', advocate, districtPromise).ok).toBe(true);
    expect(mayActOnMilestone('confirm', district, districtPromise).ok).toBe(false);
    expect(mayActOnMilestone('mark_done', { kind: 'mediator' }, districtPromise).ok).toBe(false);
    expect(mayActOnMilestone('confirm', { kind: 'coordinator' }, districtPromise).ok).toBe(false);
  });

  it('waived only by the party it protects: not the promiser, not an advocate, not one side of a shared promise', () => {
    expect(mayActOnMilestone('waive', parent, districtPromise).ok).toBe(true);
    expect(mayActOnMilestone('waive', district, districtPromise).ok).toBe(false);
    expect(mayActOnMilestone('waive', advocate, districtPromise).ok).toBe(false);
    expect(mayActOnMilestone('waive', { kind: 'coordinator' }, districtPromise).ok).toBe(false);
    expect(mayActOnMilestone('waive', parent, { responsible: 'both', doneBySide: null }).ok).toBe(false);
    expect(mayActOnMilestone('waive', district, { responsible: 'requester', doneBySide: null }).ok).toBe(
      true,
    );
  });

  it('a promise both made: either side marks it done and the other side confirms', () => {
    const shared = { responsible: 'both' as const, doneBySide: 'requester' as const };
    expect(mayActOnMilestone('mark_done', district, { ...shared, doneBySide: null }).ok).toBe(true);
    expect(mayActOnMilestone('confirm', parent, shared).ok).toBe(false);
    expect(mayActOnMilestone('confirm', district, shared).ok).toBe(true);
  });

  it('reads who is responsible from the agreement’s words', () => {
    const parties = [
      { side: 'requester' as const, name: 'Rosa Lopez', organization: null },
      { side: 'respondent' as const, name: 'Dana Director', organization: 'Riverside R-IV School District' },
    ];
    expect(inferResponsible('Riverside R-IV School District', parties, 'special_education')).toBe(
      'respondent',
    );
    expect(inferResponsible('The district', parties, 'special_education')).toBe('respondent');
    expect(inferResponsible('Rosa Lopez', parties, 'special_education')).toBe('requester');
    expect(inferResponsible('Both parties', parties, 'special_education')).toBe('both');
    expect(inferResponsible('Someone', parties, 'civil')).toBe('both');
  });
});

describe('reminders', () => {
  it('before the date to the responsible side, on the day, and overdue to both', () => {
    const m = (state: MilestoneState) => ({ state, dueDate: '2026-04-01' });
    expect(reminderDue(m('pending'), '2026-03-24', 7)).toBe(null);
    expect(reminderDue(m('pending'), '2026-03-25', 7)).toBe('before');
    expect(reminderDue(m('pending'), '2026-04-01', 7)).toBe('due_today');
    expect(reminderDue(m('pending'), '2026-04-02', 7)).toBe('overdue');
    expect(reminderDue(m('missed'), '2026-05-02', 7)).toBe('overdue');
    expect(reminderDue(m('disputed'), '2026-04-02', 7)).toBe('overdue');
    expect(reminderDue(m('done'), '2026-04-02', 7)).toBe(null);
    expect(reminderDue(m('waived'), '2026-04-02', 7)).toBe(null);
    expect(reminderRecipients('before', 'respondent', { mediator: true, coordinator: true })).toEqual({
      sides: ['respondent'],
      mediator: false,
      coordinator: false,
    });
    expect(reminderRecipients('overdue', 'respondent', { mediator: true, coordinator: false })).toEqual({
      sides: ['requester', 'respondent'],
      mediator: true,
      coordinator: false,
    });
  });
});

describe('kept on time', () => {
  it('counts promises whose date came, leaving out waived ones and those not yet due', () => {
    const r = keptOnTime(
      [
        { state: 'confirmed', dueDate: '2026-03-03', doneOn: '2026-03-03' },
        { state: 'done', dueDate: '2026-03-10', doneOn: '2026-03-12' }, // late
        { state: 'missed', dueDate: '2026-03-20', doneOn: null },
        { state: 'waived', dueDate: '2026-03-05', doneOn: null },
        { state: 'pending', dueDate: '2026-05-01', doneOn: null },
        { state: 'done', dueDate: '2026-05-01', doneOn: '2026-03-30' }, // early
      ],
      '2026-04-01',
    );
    expect(r).toEqual({ counted: 4, kept: 2, share: 0.5 });
    expect(keptOnTime([], '2026-04-01').share).toBe(null);
  });
});
