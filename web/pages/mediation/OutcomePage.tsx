import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useParams } from 'react-router';
import { useChange } from '../../api/change.ts';
import { ApiError, api } from '../../api/client.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { Loading } from '../../components/Loading.tsx';
import { type CaseSummary, caseSummaryKey, ErrorAlert, isMediatorOf, MediationPage } from './shared.tsx';

type Outcome = { outcome: string; label: string; nextSteps: string[]; surveyAnswered?: boolean };
const OUTCOMES: [string, string][] = [
  ['full_agreement', 'Full agreement: the signed agreement settles every issue'],
  ['partial_agreement', 'Partial agreement: the signed agreement settles some issues'],
  ['informal_agreement', 'Informal agreement: nothing written'],
  ['no_agreement', 'No agreement'],
  ['withdrawn', 'Withdrawn'],
  ['not_suitable', 'Not suitable for mediation'],
];

/** How the mediation ended, what happens next, and (for the mediator and program) the report to the court. */
export function OutcomePage() {
  const { caseId = '' } = useParams();
  return (
    <MediationPage caseId={caseId} title="Outcome">
      {(c) => <OutcomeView c={c} />}
    </MediationPage>
  );
}

function OutcomeView({ c }: { c: CaseSummary }) {
  const outcome = useQuery({
    queryKey: ['outcome', c.id],
    queryFn: () => api.get<Outcome>(`/api/v1/cases/${c.id}/outcome`),
    retry: false,
  });
  const neutral = c.viewer.kind === 'mediator' || c.viewer.kind === 'coordinator';
  if (outcome.isPending) return <Loading what="Loading" />;
  const missing = outcome.error instanceof ApiError && outcome.error.status === 404;
  return (
    <>
      {outcome.data ? (
        <section aria-labelledby="result">
          <h2 id="result">{outcome.data.label}</h2>
          <h3>What you can do next</h3>
          <ul>
            {outcome.data.nextSteps.map((s) => (
              <li key={s}>{s}</li>
            ))}
          </ul>
          {outcome.data.surveyAnswered === false ? (
            <p>
              <a href={`/cases/${c.id}/survey`}>Tell us how it went (two minutes)</a>
            </p>
          ) : null}
        </section>
      ) : missing ? (
        isMediatorOf(c) ? (
          <CloseForm c={c} />
        ) : (
          <p>The mediation is still going on.</p>
        )
      ) : (
        <ErrorAlert error={outcome.error} />
      )}
      {neutral ? (
        <section className="m-section" aria-labelledby="report">
          <h2 id="report">Report to the court or agency</h2>
          <p>
            The report says only whether mediation took place or ended, whether there was a settlement, and
            who attended.
          </p>
          <a href={`/api/v1/cases/${c.id}/court-report.pdf`} download>
            Download the report (PDF)
          </a>
        </section>
      ) : null}
    </>
  );
}

function CloseForm({ c }: { c: CaseSummary }) {
  const [choice, setChoice] = useState('');
  const client = useQueryClient();
  const close = useChange(() => api.post(`/api/v1/cases/${c.id}/outcome`, { outcome: choice }), {
    onSuccess: () => {
      client.invalidateQueries({ queryKey: ['outcome', c.id] });
      client.invalidateQueries({ queryKey: caseSummaryKey(c.id) });
    },
  });
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        close.run();
      }}
    >
      <fieldset className="m-choices">
        <legend>How did the mediation end?</legend>
        {close.field('outcome') ? <p className="m-error">{close.field('outcome')}</p> : null}
        {OUTCOMES.map(([id, label]) => (
          <label key={id}>
            <input
              type="radio"
              name="outcome"
              value={id}
              checked={choice === id}
              onChange={() => setChoice(id)}
            />{' '}
            {label}
          </label>
        ))}
      </fieldset>
      <ErrorAlert error={close.error} />
      {close.done ? (
        <Alert tone="success">The case is closed. The parties get their next steps and a short survey.</Alert>
      ) : null}
      <Button type="submit" disabled={!choice} busy={close.busy}>
        Close the case
      </Button>
    </form>
  );
}
