import { useState } from 'react';
import { type CaseOutcome, closeCase, getCourtReportPdf } from '../../../contracts/outcomes.ts';
import type { Outcome } from '../../../domain/outcomes.ts';
import { useChange } from '../../api/change.ts';
import { call, href } from '../../api/client.ts';
import { outcomeKeys, useOutcome } from '../../api/outcomes.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { Choices } from '../../components/Field.tsx';
import { Loading } from '../../components/Loading.tsx';
import { caseSummaryKey, ErrorAlert, mediationPage } from './shared.tsx';

const OUTCOME_WORDS: Record<Outcome, string> = {
  full_agreement: 'Full agreement: the signed agreement settles every issue',
  partial_agreement: 'Partial agreement: the signed agreement settles some issues',
  informal_agreement: 'Informal agreement: nothing written',
  no_agreement: 'No agreement',
  withdrawn: 'Withdrawn',
  not_suitable: 'Not suitable for mediation',
};

/** How the mediation ended, what happens next, and (for the mediator and program) the report to the court. */
export const OutcomePage = mediationPage('Outcome', OutcomeView);

function OutcomeView({ caseId }: { caseId: string }) {
  const outcome = useOutcome(caseId);
  if (outcome.isPending) return <Loading what="Loading" />;
  if (outcome.isError) return <ErrorAlert error={outcome.error} />;
  const { result, can, outcomes, courtReportScope } = outcome.data;
  return (
    <>
      {result ? (
        <section aria-labelledby="result">
          <h2 id="result">{result.label}</h2>
          <h3>What you can do next</h3>
          <ul>
            {result.nextSteps.map((s) => (
              <li key={s}>{s}</li>
            ))}
          </ul>
          {can.answerSurvey ? (
            <p>
              <a href={`/cases/${caseId}/survey`}>Tell us how it went (two minutes)</a>
            </p>
          ) : null}
        </section>
      ) : can.close ? (
        <CloseForm caseId={caseId} outcomes={outcomes} />
      ) : (
        <p>The mediation is still going on.</p>
      )}
      {can.readCourtReport ? <CourtReportLink caseId={caseId} scope={courtReportScope} /> : null}
    </>
  );
}

function CourtReportLink({ caseId, scope }: { caseId: string; scope: CaseOutcome['courtReportScope'] }) {
  return (
    <section className="m-section" aria-labelledby="report">
      <h2 id="report">Report to the court or agency</h2>
      <p>
        {scope === 'settlement_only'
          ? 'As the court’s rule allows, the report says only whether the dispute was resolved. Nothing said in mediation.'
          : 'The report says only whether mediation took place or ended, whether there was a settlement, and who attended. Nothing said in mediation.'}
      </p>
      <a href={href(getCourtReportPdf, { caseId })} download>
        Download the report (PDF)
      </a>
    </section>
  );
}

function CloseForm({ caseId, outcomes }: { caseId: string; outcomes: readonly Outcome[] }) {
  const [choice, setChoice] = useState<Outcome | null>(null);
  const close = useChange((outcome: Outcome) => call(closeCase, { params: { caseId }, body: { outcome } }), {
    invalidates: [outcomeKeys.case(caseId), caseSummaryKey(caseId)],
  });
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (choice) close.run(choice);
      }}
    >
      <Choices
        legend="How did the mediation end?"
        type="radio"
        name="outcome"
        options={outcomes.map((o) => ({ value: o, label: OUTCOME_WORDS[o] }))}
        value={choice ? [choice] : []}
        onChange={([picked]) => setChoice(outcomes.find((o) => o === picked) ?? null)}
        error={close.field('outcome')}
      />
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
