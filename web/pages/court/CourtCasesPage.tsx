import { Link } from 'react-router';
import type { CourtCaseSummary } from '../../../contracts/court.ts';
import { CASE_STATES, STATE_LABELS } from '../../../domain/case-lifecycle.ts';
import { errorMessage } from '../../api/client.ts';
import { useCourtCases } from '../../api/court.ts';
import { Alert } from '../../components/Alert.tsx';
import { ListChoice, ListFilterForm, ListSearch } from '../../components/ListFilterForm.tsx';
import { Loading } from '../../components/Loading.tsx';
import { Page } from '../../components/Page.tsx';
import { ListPages, useStaffList } from '../association/StaffList.tsx';
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

const FILTERS = ['q', 'state'] as const;
const STAGES = CASE_STATES.map((s) => [s, STATE_LABELS[s]] as const);

export function CourtCases() {
  const { list, result, error } = useStaffList(FILTERS, useCourtCases);
  const rows = result.data?.rows;
  return (
    <>
      <ListFilterForm label="Find referred cases" submit="Find cases" list={list} error={error}>
        {(field) => (
          <>
            <ListSearch
              label="Search cases"
              hint="Part of the case’s title, its reference or a party’s name."
              {...field('q')}
            />
            <ListChoice label="Stage" choices={STAGES} {...field('state')} />
          </>
        )}
      </ListFilterForm>
      {result.isPending ? <Loading what="Loading the referred cases" /> : null}
      {result.isError && !error('q') && !error('state') ? (
        <Alert tone="error">{errorMessage(result.error)}</Alert>
      ) : null}
      {rows ? (
        <section aria-labelledby="court-found">
          <h2 id="court-found">Referred cases, newest first</h2>
          {rows.length ? (
            <ul className="work-list">
              {rows.map((c) => (
                <CourtCaseItem key={c.id} c={c} />
              ))}
            </ul>
          ) : (
            <p>{list.filters.q || list.filters.state ? 'No cases match.' : 'No referred cases yet.'}</p>
          )}
        </section>
      ) : null}
      <ListPages previous={list.previous} next={result.data?.next} onNext={list.next} />
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
