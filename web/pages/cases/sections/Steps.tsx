import { Link } from 'react-router';
import { caseSteps } from '../steps.ts';
import type { CaseView } from '../types.ts';

/** Links to each step of the mediation this person may use, from the case page. */
export function StepsSection({ c }: { c: CaseView }) {
  const steps = caseSteps(c);
  if (!steps.length) return null;
  return (
    <section className="case-section" aria-labelledby="steps">
      <h2 id="steps">Your mediation, step by step</h2>
      <ul className="case-steps">
        {steps.map((s) => (
          <li key={s.to}>
            <Link to={s.to}>{s.label}</Link>
            <span className="muted"> {s.hint}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
