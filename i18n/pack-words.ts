import { DEFAULT_LANGUAGE, type Language } from '../domain/languages.ts';
import { CATALOGS, translator } from './i18n.ts';

type Named = { id: string; label: string };

/**
 * A rule pack's words that a party reads (its kinds of case, its kinds of issue, what mediation
 * costs, its deadlines' names) in one language, from the `packs` catalog, where each pack's own English words are kept
 * with their translations (pack-words.test.ts holds them to the packs). A word the pack no longer
 * says, or one a program wrote for itself, reads as it was written.
 */
export function packWords(language: Language, packId: string) {
  const t = translator(language, 'packs');
  const english = translator(DEFAULT_LANGUAGE, 'packs');
  const word = (key: string, written: string) => {
    const id = `${packId}.${key}`;
    return english(id) === written ? t(id) : written;
  };
  return {
    caseType: (c: Named) => word(`caseTypes.${c.id}`, c.label),
    issue: (i: Named) => word(`issues.${i.id}`, i.label),
    cost: (text: string) => word('cost', text),
    deadline: (d: Named) => word(`deadlines.${d.id}`, d.label),
  };
}

let closedStepKeys: Map<string, string> | undefined;

/**
 * One of the ways forward a closed case lists (the rule pack's, or those after a mediation's
 * outcome, domain/outcomes.ts), in the reader's language: found by its English words in the
 * `caseview` catalog's closedSteps, as stored with an outcome; a sentence not there reads as
 * written.
 */
export function closedStepIn(language: Language, english: string): string {
  closedStepKeys ??= new Map(
    Object.entries(CATALOGS[DEFAULT_LANGUAGE].caseview.closedSteps).map(([key, text]) => [text, key]),
  );
  const key = closedStepKeys.get(english);
  return key ? translator(language, 'caseview')(`closedSteps.${key}`) : english;
}
