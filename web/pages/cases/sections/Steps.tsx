import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CaseView } from '../../../../contracts/cases.ts';

/** Links to each step of the mediation this person may open, as the server lists them. */
export function StepsSection({ c }: { c: CaseView }) {
  const { t } = useTranslation('case');
  if (!c.steps.length) return null;
  return (
    <section className="case-section" aria-labelledby="steps">
      <h2 id="steps">{t('steps.heading')}</h2>
      <ul className="case-steps">
        {c.steps.map((s) => (
          <li key={s.id}>
            <Link to={`/cases/${c.id}/${s.id}`}>{s.label}</Link>
            <span className="muted"> {s.hint}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
