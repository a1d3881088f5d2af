import { Link } from 'react-router';
import type { CourtCaseSummary } from '../../../contracts/court.ts';
import { errorMessage } from '../../api/client.ts';
import { useCourtCases } from '../../api/court.ts';
import { Alert } from '../../components/Alert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { Page } from '../../components/Page.tsx';
import '../cases/cases.css';

/** The court's home: the cases its circuit referred, each with what waits for the court. */
export function CourtCasesPage() {
  return (
    <Page
      title="Referred cases"
      lead="The cases your court referred to mediation: where each stands and what waits for the court. What is said in mediation stays confidential, so it is not shown here."
      wide
    >
      <CourtCases />
    </Page>
  );
}

export function CourtCases() {
  const list = useCourtCases();
  if (list.isPending) return <Loading what="Loading the referred cases" />;
  if (list.isError) return <Alert tone="error">{errorMessage(list.error)}</Alert>;
  const waiting = list.data.filter((c) => c.next.kind !== 'none');
  const others = list.data.filter((c) => c.next.kind === 'none');
  return (
    <>
      <section aria-labelledby="court-waiting">
        <h2 id="court-waiting">Waiting for the court</h2>
        {waiting.length ? (
          <ul className="work-list">
            {waiting.map((c) => (
              <CourtCaseItem key={c.id} c={c} />
            ))}
          </ul>
        ) : (
          <p>Nothing waits for the court now.</p>
        )}
      </section>
      <section aria-labelledby="court-others">
        <h2 id="court-others">Other referred cases</h2>
        {others.length ? (
          <ul className="work-list">
            {others.map((c) => (
              <CourtCaseItem key={c.id} c={c} />
            ))}
          </ul>
        ) : (
          <p>No other cases.</p>
        )}
      </section>
    </>
  );
}

function CourtCaseItem({ c }: { c: CourtCaseSummary }) {
  const parties = c.parties.map((p) => p.name).join(' and ');
  return (
    <li className="work-item">
      <p className="work-title">
        <Link to={`/court/cases/${c.id}`}>
          Case {c.referral.caseNumber}
          {parties ? `: ${parties}` : ''}
        </Link>{' '}
        <span className="state-badge">{c.stage}</span>
        <span className="muted">
          {' '}
          · {c.referral.court} · {c.programName} ({c.reference})
        </span>
      </p>
      <p className={c.next.kind === 'none' ? 'work-next' : 'work-next work-next-you'}>
        <strong>{c.next.kind === 'none' ? 'Next' : 'For the court'}: </strong>
        {c.next.text}
      </p>
    </li>
  );
}
