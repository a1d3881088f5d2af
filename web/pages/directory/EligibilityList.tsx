import type { Eligibility } from '../../../contracts/directory.ts';

/** Roster by roster: what the training record meets, or what is missing, with the rule it comes from. */
export function EligibilityList({ lines, missing }: { lines: Eligibility[]; missing: string }) {
  return (
    <ul className="directory-eligibility">
      {lines.map((e) => (
        <li key={e.roster} className={e.met ? 'eligible' : 'not-eligible'}>
          {e.met ? (
            <strong>{e.metText}</strong>
          ) : (
            <>
              <strong>{e.label}: not yet.</strong> {missing}
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
