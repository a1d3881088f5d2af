import { FEE_LABELS, LANGUAGES, PRACTICE_AREA_LABELS } from '../../../domain/directory-search.ts';
import { COURSE_KIND_LABELS, ROSTER_LABELS } from '../../../domain/eligibility.ts';

// Words for the directory's codes, from the same domain lists the server validates against.

export const areaLabel = (a: string) => (PRACTICE_AREA_LABELS as Record<string, string>)[a] ?? a;
export const languageLabel = (l: string) => (LANGUAGES as Record<string, string>)[l] ?? l;
export const rosterLabel = (r: string) => (ROSTER_LABELS as Record<string, string>)[r] ?? r;
export const courseKindLabel = (k: string) => (COURSE_KIND_LABELS as Record<string, string>)[k] ?? k;
export const feeLabel = (f: string) => (FEE_LABELS as Record<string, string>)[f] ?? f;

/** Short roster names for result cards. */
export const ROSTER_SHORT: Record<string, string> = {
  rule17: 'Rule 17 list',
  rule88: 'Rule 88.05 (family)',
  special_education: 'State special-education list',
  federal_ed: 'Federal panel (E.D. Mo.)',
  federal_wd: 'Federal panel (W.D. Mo.)',
};

export function feesText(p: {
  hourlyRate: number | null;
  slidingScale: boolean;
  freeService: boolean;
}): string {
  const parts = [
    p.hourlyRate !== null ? `$${p.hourlyRate} an hour` : null,
    p.slidingScale ? 'sliding scale' : null,
    p.freeService ? 'free or volunteer' : null,
  ].filter(Boolean);
  return parts.length ? parts.join(', ') : 'Ask about fees';
}

/** A code from a form or an address, if it is one of the list's (a type guard: no assertion needed). */
export const oneOf =
  <T extends string>(list: readonly T[]) =>
  (value: unknown): value is T =>
    typeof value === 'string' && (list as readonly string[]).includes(value);
