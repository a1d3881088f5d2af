import { z } from 'zod';
import { SIDES } from '../domain/attendance.ts';
import { CASE_STATES } from '../domain/case-lifecycle.ts';

// The fields the cases area's contracts share (contracts/cases.ts and its companions).

/** Required words, trimmed, at most `max` characters; `what` names the field in its message. */
export const text = (max: number, what: string) =>
  z.string().trim().min(1, `Enter ${what}`).max(max, `Keep it under ${max} characters`);
export const optionalText = (max: number) =>
  z.string().trim().max(max, `Keep it under ${max} characters`).optional();
export const email = z.email('Enter an e-mail address like name@example.com').max(254).toLowerCase();
export const isoDate = z.iso.date('Enter a date like 2026-03-02');
export const CaseState = z.enum(CASE_STATES);
/** The side that asked for mediation, or the other side. */
export const Side = z.enum(SIDES);
/** Where a deadline or promise not yet met stands against its date. */
export const DueStatus = z.enum(['overdue', 'due_soon', 'upcoming']);
/** How a case's mediator is chosen. */
export const SelectionMethod = z.enum(['joint_choice', 'rotation', 'appointment']);
