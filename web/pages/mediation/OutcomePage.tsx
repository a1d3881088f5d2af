import { useState } from 'react';
import { useTranslation } from 'react-i18next';
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

/** How the mediation ended, what happens next, and (for the mediator and program) the report to the court. */
export const OutcomePage = mediationPage({ ns: 'workspace', key: 'titles.outcome' }, OutcomeView);

function OutcomeView({ caseId }: { caseId: string }) {
  const { t } = useTranslation('workspace');
  const outcome = useOutcome(caseId);
  if (outcome.isPending) return <Loading what={t('loading')} />;
  if (outcome.isError) return <ErrorAlert error={outcome.error} />;
  const { result, can, outcomes, courtReportScope } = outcome.data;
  return (
    <>
      {result ? (
        <section aria-labelledby="result">
          <h2 id="result">{t(`outcome.closed.${result.outcome}`)}</h2>
          <h3>{t('outcome.next')}</h3>
          <ul>
            {result.nextSteps.map((s) => (
              <li key={s}>{s}</li>
            ))}
          </ul>
          {can.answerSurvey ? (
            <p>
              <a href={`/cases/${caseId}/survey`}>{t('outcome.survey')}</a>
            </p>
          ) : null}
        </section>
      ) : can.close ? (
        <CloseForm caseId={caseId} outcomes={outcomes} />
      ) : (
        <p>{t('outcome.ongoing')}</p>
      )}
      {can.readCourtReport ? <CourtReportLink caseId={caseId} scope={courtReportScope} /> : null}
    </>
  );
}

function CourtReportLink({ caseId, scope }: { caseId: string; scope: CaseOutcome['courtReportScope'] }) {
  const { t } = useTranslation('workspace');
  return (
    <section className="m-section" aria-labelledby="report">
      <h2 id="report">{t('outcome.report')}</h2>
      <p>{t(`outcome.reportSays.${scope}`)}</p>
      <a href={href(getCourtReportPdf, { caseId })} download>
        {t('outcome.download')}
      </a>
    </section>
  );
}

function CloseForm({ caseId, outcomes }: { caseId: string; outcomes: readonly Outcome[] }) {
  const { t } = useTranslation('workspace');
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
        legend={t('outcome.how')}
        type="radio"
        name="outcome"
        options={outcomes.map((o) => ({ value: o, label: t(`outcome.choice.${o}`) }))}
        value={choice ? [choice] : []}
        onChange={([picked]) => setChoice(outcomes.find((o) => o === picked) ?? null)}
        error={close.field('outcome')}
      />
      <ErrorAlert error={close.error} />
      {close.done ? <Alert tone="success">{t('outcome.closedDone')}</Alert> : null}
      <Button type="submit" disabled={!choice} busy={close.busy}>
        {t('outcome.close')}
      </Button>
    </form>
  );
}
