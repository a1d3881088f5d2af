import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { FEE_LABELS, LANGUAGES, PRACTICE_AREA_LABELS } from '../../../domain/directory-search.ts';
import { COURSE_KIND_LABELS, ROSTER_LABELS } from '../../../domain/eligibility.ts';
import { useFormats } from '../../i18n.ts';

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

/**
 * The directory's codes in words of the page's language, from the visitor catalog: the kinds of
 * case, languages, court lists, fees and courses. (The functions above keep the English words for
 * the pages not yet in the catalogs.)
 */
export function useDirectoryLabels() {
  const { t } = useTranslation('visitor');
  const formats = useFormats();
  const known = (group: string, code: string) => {
    const key = `labels.${group}.${code}`;
    return i18nExists(t, key) ? t(key) : code;
  };
  return {
    t,
    formats,
    area: (a: string) => known('area', a),
    language: (l: string) => known('language', l),
    roster: (r: string) => known('roster', r),
    rosterShort: (r: string) => known('rosterShort', r),
    rosterMet: (r: string) => known('rosterMet', r),
    courseKind: (k: string) => known('courseKind', k),
    fee: (f: string) => known('fee', f),
    fees: (p: { hourlyRate: number | null; slidingScale: boolean; freeService: boolean }) => {
      const parts = [
        p.hourlyRate !== null ? t('labels.fees.hourly', { rate: formats.count(p.hourlyRate) }) : null,
        p.slidingScale ? t('labels.fees.sliding') : null,
        p.freeService ? t('labels.fees.free') : null,
      ].filter(Boolean);
      return parts.length ? parts.join(', ') : t('labels.fees.ask');
    },
  };
}

/** Whether the catalog holds a message under `key` (a code the lists do not know shows as itself). */
const i18nExists = (t: TFunction, key: string) => t(key, { defaultValue: '' }) !== '';

/** How a mediator meets people, for the sentence that says so. */
export const modeOf = (m: { inPerson: boolean; remote: boolean }) =>
  m.inPerson && m.remote ? 'both' : m.inPerson ? 'in_person' : m.remote ? 'remote' : 'none';
