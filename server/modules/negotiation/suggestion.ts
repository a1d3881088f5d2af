import type { Side } from '../../../domain/attendance.ts';
import { biddingStatus, formatCents } from '../../../domain/blind-bidding.ts';
import { formatMixed } from '../../../domain/fraction.ts';
import type { Language } from '../../../domain/languages.ts';
import { translator } from '../../../i18n/i18n.ts';
import type { Executor } from '../../db/database.ts';
import { type AidState, awResult, joinedNames, readState, recordsOf } from './aid-state.ts';
import * as repo from './negotiation.repository.ts';

/**
 * An aid's suggestion in words, as the option it puts on the issue reads: written from the aid's
 * sealed state (the result, and for Adjusted Winner the names of each side's people as they were
 * when the mediator put it on the table) in each reader's language.
 */

/** The suggestion in words in `language`, or null when there is none yet. */
export function suggestionText(state: AidState, names: Record<Side, string[]>, language: Language) {
  const t = translator(language, 'workspace');
  if (state.kind === 'adjusted_winner') {
    const result = awResult(state);
    if (!result) return null;
    const share = (side: Side) =>
      result.items
        .filter((i) => i.owner === side || i.owner === 'split')
        .map((i) =>
          i.owner === 'split'
            ? t('aids.option.part', { share: formatMixed(i.share[side]), item: i.name })
            : i.name,
        )
        .join('; ') || t('aids.option.nothing');
    const named = joinedNames(names, language);
    return t('aids.option.adjustedWinner', {
      requester: named.requester,
      requesterShare: share('requester'),
      respondent: named.respondent,
      respondentShare: share('respondent'),
      points: formatMixed(result.points.requester),
    });
  }
  const status = biddingStatus(state.terms, recordsOf(state));
  if (status.state !== 'settled') return null;
  return t('aids.option.blindBidding', {
    amount: formatCents(status.amountCents, language),
    round: status.round,
  });
}

/**
 * The options the case's aids put on its issues, by option id, in `language`. An Adjusted Winner
 * option put on the table before the names were kept with it is left out: its stored words stand.
 */
export async function aidOptionTexts(db: Executor, key: Buffer, caseId: string, language: Language) {
  const texts = new Map<string, string>();
  for (const row of await repo.listAids(db, caseId)) {
    if (!row.option_id) continue;
    const state = readState(key, row);
    if (state.kind === 'adjusted_winner' && !state.optionNames) continue;
    const names = state.kind === 'adjusted_winner' ? state.optionNames! : { requester: [], respondent: [] };
    const text = suggestionText(state, names, language);
    if (text !== null) texts.set(row.option_id, text);
  }
  return texts;
}
