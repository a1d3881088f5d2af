import type { Eligibility } from '../../../contracts/directory.ts';
import { useDirectoryLabels } from './labels.ts';

/** Roster by roster: what the training record meets, or what is missing, with the rule it comes from. */
export function EligibilityList({ lines, missing }: { lines: Eligibility[]; missing: string }) {
  const { t, roster, rosterMet } = useDirectoryLabels();
  return (
    <ul className="directory-eligibility">
      {lines.map((e) => (
        <li key={e.roster} className={e.met ? 'eligible' : 'not-eligible'}>
          {e.met ? (
            <strong>{rosterMet(e.roster)}</strong>
          ) : (
            <>
              <strong>{t('profile.notYet', { list: roster(e.roster) })}</strong> {missing}
              <ul>
                {e.missing.map((x) => (
                  <li key={x.code}>
                    {x.text} <span className="muted">({x.citation})</span>
                  </li>
                ))}
              </ul>
            </>
          )}
        </li>
      ))}
    </ul>
  );
}
