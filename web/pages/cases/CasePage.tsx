import { useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { useLocation, useParams } from 'react-router';
import * as casePeople from '../../../contracts/case-people.ts';
import * as caseQueue from '../../../contracts/case-queue.ts';
import type { CaseView } from '../../../contracts/cases.ts';
import * as cases from '../../../contracts/cases.ts';
import { caseKeys, useCase } from '../../api/cases.ts';
import { useChange } from '../../api/change.ts';
import { call, href } from '../../api/client.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { ChangeStatus } from '../../components/ChangeStatus.tsx';
import { DownloadLink } from '../../components/DownloadLink.tsx';
import { FieldRow, TextField } from '../../components/Field.tsx';
import { Page, ReadingPage } from '../../components/Page.tsx';
import { useFormats } from '../../i18n.ts';
import './cases.css';
import { PromisesSection } from '../compliance/PromisesSection.tsx';
import { NextStepLine } from '../home/MyWork.tsx';
import { LegalHoldsSection } from '../retention/LegalHoldsSection.tsx';
import { AgreementSection } from './sections/AgreementToMediate.tsx';
import { CoMediatorsSection } from './sections/CoMediators.tsx';
import { ConfidentialityExceptionsSection } from './sections/ConfidentialityExceptions.tsx';
import { CourtRecordSection } from './sections/CourtRecord.tsx';
import { DisqualificationSection } from './sections/Disqualification.tsx';
import { DueProcessFact } from './sections/DueProcess.tsx';
import { MediatorSection } from './sections/Mediator.tsx';
import { OptOutSection } from './sections/OptOut.tsx';
import { PeopleSection } from './sections/People.tsx';
import { ScreeningSection } from './sections/Screening.tsx';
import { StepsSection } from './sections/Steps.tsx';

/**
 * One case, as the signed-in person may see it: a section per step of part 1, and links to the
 * steps of the mediation (preparation, sessions, issues, the agreement, promises, the outcome).
 */
export function CasePage() {
  const { t } = useTranslation('case');
  const { caseId = '' } = useParams();
  const view = useCase(caseId);
  // A page that led here after a save (accepting an invitation) says what was saved.
  const notice = (useLocation().state as { notice?: string } | null)?.notice;
  if (view.isPending || view.isError)
    return <ReadingPage title={t('page.yourCase')} read={view} loading={t('page.loading')} />;
  const c = view.data;
  return (
    <Page
      title={t('page.title', { reference: c.reference })}
      lead={t('page.lead', { title: c.title, program: c.programName })}
      wide
    >
      {c.screening.quickExit ? <QuickExit /> : null}
      {notice ? <Alert tone="success">{notice}</Alert> : null}
      <p>
        <Trans
          t={t}
          i18nKey="page.stepNow"
          values={{ state: c.stateLabel }}
          components={{ badge: <span className="state-badge" /> }}
        />
      </p>
      <NextStepLine next={c.next} />
      <StepsSection c={c} />
      <Summary c={c} />
      <CourtRecordSection c={c} />
      <Deadlines c={c} />
      <ConsentSection c={c} />
      <OptOutSection c={c} />
      <PeopleSection c={c} />
      <ScreeningSection c={c} />
      <ConfidentialityExceptionsSection c={c} />
      <MediatorSection c={c} />
      <DisqualificationSection c={c} />
      <AgreementSection c={c} />
      <CoMediatorsSection c={c} />
      <PromisesSection caseId={c.id} />
      <LegalHoldsSection caseId={c.id} />
      {c.closed ? (
        <section className="case-section" aria-labelledby="next-steps">
          <h2 id="next-steps">{t('page.nextSteps')}</h2>
          <ul>
            {c.nextSteps.map((s) => (
              <li key={s}>{s}</li>
            ))}
          </ul>
        </section>
      ) : null}
    </Page>
  );
}

/** Leaves at once for a neutral site and replaces this page in the history. */
function QuickExit() {
  const { t } = useTranslation('case');
  return (
    <Button
      variant="danger"
      className="quick-exit"
      onClick={() => window.location.replace('https://weather.gov')}
    >
      {t('page.quickExit')}
    </Button>
  );
}

function Summary({ c }: { c: CaseView }) {
  const { t } = useTranslation('case');
  const d = c.details;
  const label = (id: string) => c.rules.issues.find((i) => i.id === id)?.label ?? id;
  const about = d.form === 'special_education' ? d.categories : d.form === 'court_referral' ? d.issues : [];
  return (
    <section className="case-section" aria-labelledby="about">
      <h2 id="about">{t('summary.heading')}</h2>
      <dl className="facts">
        {d.form === 'special_education' ? (
          <>
            <div>
              <dt>{t('summary.student')}</dt>
              <dd>{d.student.name}</dd>
            </div>
            <div>
              <dt>{t('summary.district')}</dt>
              <dd>{d.district.name}</dd>
            </div>
          </>
        ) : null}
        {d.form === 'court_referral' ? (
          <div>
            <dt>{t('summary.court')}</dt>
            <dd>{t('summary.courtCase', { court: d.court, number: d.caseNumber })}</dd>
          </div>
        ) : null}
        {about.length ? (
          <div>
            <dt>{t('summary.about')}</dt>
            <dd>{about.map(label).join(', ')}</dd>
          </div>
        ) : null}
        <div>
          <dt>{t('summary.cost')}</dt>
          <dd>{c.rules.cost}</dd>
        </div>
      </dl>
      {d.description ? <p>{d.description}</p> : null}
      <DueProcessFact c={c} />
      {c.can.downloadRequestLetter ? (
        <p>
          <DownloadLink href={href(cases.getRequestLetter, { caseId: c.id })}>
            {t('summary.downloadLetter')}
          </DownloadLink>
        </p>
      ) : null}
    </section>
  );
}

function Deadlines({ c }: { c: CaseView }) {
  const { t } = useTranslation('case');
  const formats = useFormats();
  const shown = c.deadlines.filter((d) => d.shown);
  if (!shown.length) return null;
  return (
    <section className="case-section" aria-labelledby="deadlines">
      <h2 id="deadlines">{t('deadlines.heading')}</h2>
      <ul>
        {shown.map((d) => (
          <li key={d.id} className={`deadline-${d.status}`}>
            {d.status === 'upcoming' ? '' : `${t(`deadlines.status.${d.status}`)} `}
            {t('deadlines.by', { label: d.label, date: d.shown })}
            <span className="muted"> ({d.cite})</span>
            {d.originalDueDate ? (
              <span className="deadline-extended">
                {' '}
                <Trans
                  t={t}
                  i18nKey={d.extensionReason ? 'deadlines.extendedWhy' : 'deadlines.extended'}
                  values={{
                    date: formats.date(`${d.originalDueDate}T12:00:00Z`),
                    reason: d.extensionReason,
                  }}
                  components={{ nowrap: <span className="nowrap" /> }}
                />
              </span>
            ) : null}
            {d.can.extend ? <ExtendDeadline caseId={c.id} deadline={d} /> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

function ExtendDeadline({ caseId, deadline }: { caseId: string; deadline: CaseView['deadlines'][number] }) {
  const { t } = useTranslation('case');
  const [dueOn, setDueOn] = useState('');
  const [reason, setReason] = useState('');
  const extend = useChange(
    (body: caseQueue.ExtendDeadlineBody) =>
      call(caseQueue.extendDeadline, { params: { caseId, deadlineId: deadline.id }, body }),
    {
      invalidates: [caseKeys.case(caseId), caseKeys.all],
      success: (d) => t('deadlines.extendDone', { label: d.label, date: d.shown }),
    },
  );
  return (
    <details className="deadline-extend">
      <summary>{t('deadlines.extendSummary')}</summary>
      <form
        className="form"
        aria-label={t('deadlines.extendForm', { label: deadline.label })}
        onSubmit={(e) => {
          e.preventDefault();
          void extend.run({ dueOn, reason });
        }}
      >
        <FieldRow>
          <TextField
            label={t('deadlines.newDate')}
            type="date"
            value={dueOn}
            onChange={(e) => setDueOn(e.target.value)}
            error={extend.field('dueOn')}
          />
          <TextField
            label={t('deadlines.why')}
            hint={t('deadlines.whyHint')}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            error={extend.field('reason')}
          />
        </FieldRow>
        <ChangeStatus of={extend} />
        <Button type="submit" busy={extend.busy}>
          {t('deadlines.extend')}
        </Button>
      </form>
    </details>
  );
}

function ConsentSection({ c }: { c: CaseView }) {
  const { t } = useTranslation('case');
  const respond = useChange(
    (decision: casePeople.ConsentBody['decision']) =>
      call(casePeople.respondToRequest, { params: { caseId: c.id }, body: { decision } }),
    { invalidates: [caseKeys.case(c.id), caseKeys.mine()] },
  );
  if (c.state !== 'awaiting_other_party') return null;
  return (
    <section className="case-section" aria-labelledby="consent">
      <h2 id="consent">{c.can.agree ? t('consent.willYou') : t('consent.otherAnswer')}</h2>
      <ChangeStatus of={respond} />
      {c.can.agree ? (
        <>
          <p>{c.can.decline ? t('consent.voluntary') : t('consent.courtSent')}</p>
          <div className="button-row">
            <Button busy={respond.busy} onClick={() => respond.run('agree')}>
              {t('consent.yes')}
            </Button>
            {c.can.decline ? (
              <Button variant="secondary" busy={respond.busy} onClick={() => respond.run('decline')}>
                {t('consent.no')}
              </Button>
            ) : null}
          </div>
        </>
      ) : (
        <p>{t('consent.waiting')}</p>
      )}
    </section>
  );
}
