import { useState } from 'react';
import { Link, useParams } from 'react-router';
import type { CourtCase, CourtDecisionBody, CourtDisqualification } from '../../../contracts/court.ts';
import * as court from '../../../contracts/court.ts';
import { formatMissouriDate, missouriDate } from '../../../domain/missouri-time.ts';
import { useChange } from '../../api/change.ts';
import { call } from '../../api/client.ts';
import { courtKeys, useCourtCase } from '../../api/court.ts';
import { ChangeStatus } from '../../components/ChangeStatus.tsx';
import { Fact } from '../../components/Facts.tsx';
import { TextField } from '../../components/Field.tsx';
import { useFormValues } from '../../components/form-values.ts';
import { Page, ReadingPage } from '../../components/Page.tsx';
import { SendForm } from '../../components/SendForm.tsx';
import '../cases/cases.css';
import { DisqualificationDecisionForm } from '../cases/sections/Disqualification.tsx';
import { SectionText } from '../mediation/AgreementDocument.tsx';
import { CourtRecordForm } from './CourtRecordForm.tsx';

const SIDE = { requester: 'Asked for mediation', respondent: 'The other side' } as const;

/**
 * One referred case as the court sees it: the referral and the court's record of it, who takes
 * part, the applications to disqualify the mediator that come before the court (and its decision),
 * the signed agreement it is asked to approve, and the report once mediation ended. Never what
 * was said in mediation.
 */
export function CourtCasePage() {
  const { caseId = '' } = useParams();
  const view = useCourtCase(caseId);
  if (view.isPending || view.isError)
    return <ReadingPage title="Referred case" read={view} loading="Loading the case" />;
  const c = view.data;
  const parties = c.parties.map((p) => p.name).join(' and ');
  return (
    <Page
      title={`Court case ${c.referral.caseNumber}`}
      lead={`${parties ? `${parties} · ` : ''}${c.programName} (${c.reference})`}
      wide
    >
      <p>
        <Link to="/court">All referred cases</Link>
      </p>
      <p>
        Stage: <span className="state-badge">{c.stage}</span>
      </p>
      <p className={c.next.kind === 'none' ? 'work-next' : 'work-next work-next-you'}>
        <strong>{c.next.kind === 'none' ? 'Next' : 'For the court'}: </strong>
        {c.next.text}
      </p>
      <p className="muted">
        What is said in mediation stays confidential (Rule {c.referral.rule === '17' ? '17.06' : '88.08'}):
        this page shows the referral, who takes part, the steps that come before the court and the report the
        rules allow.
      </p>
      <Referral c={c} />
      <People c={c} />
      <Disqualifications c={c} />
      <Approval c={c} />
      <Report c={c} />
    </Page>
  );
}

function Referral({ c }: { c: CourtCase }) {
  const r = c.referral;
  return (
    <section className="case-section" aria-labelledby="referral">
      <h2 id="referral">The referral</h2>
      <dl className="facts">
        <Fact term="Court">
          {r.court} ({r.circuit}th Circuit)
        </Fact>
        <Fact term="Court case number">{r.caseNumber}</Fact>
        <Fact term="Judge">{r.judge ?? 'Not recorded'}</Fact>
        <Fact term="Division">{r.division ?? 'Not recorded'}</Fact>
        <Fact term="Referred">
          Under Rule {r.rule}, by the order of {formatMissouriDate(r.orderDate)}
          {r.beginBy ? `; mediation to begin by ${formatMissouriDate(r.beginBy)}` : ''}
        </Fact>
        {c.optedOutAt ? (
          <Fact term="Opted out">
            A written opt-out was filed on {formatMissouriDate(c.optedOutAt)}: the referral ended.
          </Fact>
        ) : null}
      </dl>
      {c.can.editRecord ? <RecordForm c={c} /> : null}
    </section>
  );
}

function RecordForm({ c }: { c: CourtCase }) {
  return (
    <>
      <h3>The court’s record</h3>
      <CourtRecordForm
        caseId={c.id}
        record={c.referral}
        invalidates={[courtKeys.case(c.id), courtKeys.cases()]}
      />
    </>
  );
}

function People({ c }: { c: CourtCase }) {
  return (
    <section className="case-section" aria-labelledby="people">
      <h2 id="people">Who takes part</h2>
      <ul>
        {c.people.map((p) => (
          <li key={`${p.side}-${p.role}-${p.name}`}>
            <strong>{p.name}</strong>: {p.role === 'attorney' ? 'attorney' : 'party'} (
            {SIDE[p.side].toLowerCase()})
          </li>
        ))}
        <li>
          <strong>Mediator</strong>: {c.mediator ?? 'not chosen yet'}
        </li>
      </ul>
    </section>
  );
}

const OUTCOME_WORDS = (a: CourtDisqualification): string => {
  if (a.outcome === 'pending')
    return a.lastDayToDeny
      ? `Open: the other party may deny it through ${formatMissouriDate(a.lastDayToDeny)}; if no one does, the mediator is disqualified.`
      : 'Open.';
  if (a.outcome === 'denied')
    return `Denied by the other party on ${formatMissouriDate(a.deniedAt!)}: the court decides.`;
  if (a.decidedBy === 'mediation_began')
    return 'No party denied it in time, but the mediation had already begun with this mediator: it ended without effect and the mediator stays.';
  const how =
    a.decidedBy === 'no_denial'
      ? 'no party denied it in time'
      : a.decidedBy === 'court'
        ? `the court’s order${a.courtOrder ? ` (${a.courtOrder})` : ''}`
        : 'the program’s decision';
  return a.outcome === 'granted'
    ? `The mediator was disqualified${a.decidedAt ? ` on ${formatMissouriDate(a.decidedAt)}` : ''}: ${how}.`
    : `The mediator stays: ${how}.`;
};

function Disqualifications({ c }: { c: CourtCase }) {
  if (!c.disqualifications.length) return null;
  return (
    <section className="case-section" aria-labelledby="disqualification">
      <h2 id="disqualification">Applications to disqualify the mediator (Rule 88.04)</h2>
      <ul className="work-list">
        {c.disqualifications.map((a) => (
          <li key={a.id} className="work-item">
            <p>
              Filed on {formatMissouriDate(a.requestedAt)} by the side that{' '}
              {a.side === 'requester' ? 'asked for mediation' : 'was asked'}. {OUTCOME_WORDS(a)}
            </p>
            {a.reason ? (
              <dl className="facts">
                <Fact term="Grounds given">{a.reason}</Fact>
                {a.denialReason ? <Fact term="Why it was denied">{a.denialReason}</Fact> : null}
              </dl>
            ) : null}
            <Decision caseId={c.id} application={a} />
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The court's decision of a denied application; its confirmation stays once the form is gone. */
function Decision({ caseId, application }: { caseId: string; application: CourtDisqualification }) {
  const [choice, setChoice] = useState<string[]>([]);
  const [courtOrder, setCourtOrder] = useState('');
  const decide = useChange(
    () => {
      const body = {
        ...(choice[0] ? { grant: choice[0] === 'disqualify' } : {}),
        courtOrder,
      } as CourtDecisionBody;
      return call(court.decideCourtDisqualification, { params: { caseId, requestId: application.id }, body });
    },
    {
      invalidates: [courtKeys.case(caseId), courtKeys.cases()],
      success: (r) =>
        r.outcome === 'granted'
          ? 'Recorded: the mediator is disqualified. The parties and the program were told, and a new mediator will be chosen.'
          : 'Recorded: the mediator stays. The parties, the mediator and the program were told.',
    },
  );
  if (!application.can.decide) return <ChangeStatus of={decide} />;
  return (
    <>
      <h3>The court’s decision</h3>
      <ChangeStatus of={decide} />
      <DisqualificationDecisionForm
        change={decide}
        legend="The court’s decision"
        choice={choice}
        setChoice={setChoice}
        courtOrder={{ value: courtOrder, set: setCourtOrder }}
      />
    </>
  );
}

function Approval({ c }: { c: CourtCase }) {
  const a = c.approval;
  const approve = useChange(
    (body: court.CourtApprovalBody) => call(court.approveCourtAgreement, { params: { caseId: c.id }, body }),
    {
      invalidates: [courtKeys.case(c.id), courtKeys.cases()],
      success: 'Recorded the court’s approval: the agreement is now binding, and the parties were told.',
    },
  );
  const form = useFormValues({ approvedOn: missouriDate(new Date()) }, approve);
  if (!a) return null;
  return (
    <section className="case-section" aria-labelledby="approval">
      <h2 id="approval">The signed agreement (Rule 88.06(c))</h2>
      <p>
        {a.status === 'binding' && a.courtApprovedAt
          ? `The court approved it on ${formatMissouriDate(a.courtApprovedAt)}: it is binding.`
          : `Everyone signed it on ${formatMissouriDate(a.signedAt)}. It is not binding until the court approves it.`}
      </p>
      <article className="agreement-document" aria-label="The signed agreement">
        <h3>{a.title}</h3>
        {a.sections.map((s) => (
          <div key={s.heading}>
            <h4>{s.heading}</h4>
            <SectionText section={s} />
          </div>
        ))}
      </article>
      <h3>Signed by</h3>
      <ul>
        {a.signers.map((s) => (
          <li key={`${s.name}-${s.capacity}`}>
            {s.name} ({s.capacity}){s.signedAt ? `, on ${formatMissouriDate(s.signedAt)}` : ', in ink'}
          </li>
        ))}
      </ul>
      <ChangeStatus of={approve} />
      {a.can.approve ? (
        <SendForm
          onSend={() => approve.run(form.values)}
          busy={approve.busy}
          busyLabel="Recording…"
          submit="Approve the agreement"
        >
          <TextField label="Date of the court’s approval" type="date" {...form.bind('approvedOn')} />
        </SendForm>
      ) : null}
    </section>
  );
}

function Report({ c }: { c: CourtCase }) {
  const r = c.report;
  if (!r) return null;
  const yesNo = (b: boolean) => (b ? 'Yes' : 'No');
  return (
    <section className="case-section" aria-labelledby="report">
      <h2 id="report">Report to the court</h2>
      <p className="muted">Only what the court’s rule allows a mediator to report ({r.scopeCite}).</p>
      <dl className="facts">
        {r.mediationTookPlace !== undefined ? (
          <Fact term="Mediation took place">{yesNo(r.mediationTookPlace)}</Fact>
        ) : null}
        {r.mediationEnded !== undefined ? (
          <Fact term="Mediation ended">
            {yesNo(r.mediationEnded)}
            {r.endedOn ? ` (${formatMissouriDate(r.endedOn)})` : ''}
          </Fact>
        ) : null}
        <Fact term="Settlement reached">
          {r.settlement === 'full'
            ? 'Yes, on all issues'
            : r.settlement === 'partial'
              ? 'Yes, on some issues'
              : 'No'}
        </Fact>
      </dl>
      {r.attendance ? (
        <>
          <h3>Attendance</h3>
          <ul>
            {r.attendance.map((p) => (
              <li key={`${p.name}-${p.role}`}>
                {p.name}: {p.attended ? 'attended' : 'did not attend'}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
