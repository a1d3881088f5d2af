import { useState } from 'react';
import type { CaseView } from '../../../../contracts/cases.ts';
import type { DecideDisqualificationBody, DisqualificationRequest } from '../../../../contracts/selection.ts';
import * as selection from '../../../../contracts/selection.ts';
import { formatMissouriDate } from '../../../../domain/missouri-time.ts';
import { caseKeys, useDisqualifications } from '../../../api/cases.ts';
import { type Change, useChange } from '../../../api/change.ts';
import { call } from '../../../api/client.ts';
import { ChangeStatus } from '../../../components/ChangeStatus.tsx';
import { Choices, TextArea, TextField } from '../../../components/Field.tsx';
import { SendForm } from '../../../components/SendForm.tsx';

/**
 * Rule 88.04(e): a party applies in writing to disqualify the mediator for cause; the other party
 * may deny it within 10 days (counted by Rule 44.01(a)); an application no one denies in time
 * disqualifies the mediator by itself and a new one is chosen; a denied one goes to the court.
 */
export function DisqualificationSection({ c }: { c: CaseView }) {
  const list = useDisqualifications(c.id);
  const applications = list.data ?? [];
  const [reason, setReason] = useState('');
  const apply = useChange(
    () => call(selection.requestDisqualification, { params: { caseId: c.id }, body: { reason } }),
    {
      invalidates: [caseKeys.case(c.id), caseKeys.home()],
      success: (r) =>
        r.lastDayToDeny
          ? `Filed. The other party may deny it through ${formatMissouriDate(r.lastDayToDeny)}; the mediator, the program and the court were told.`
          : 'Filed. The program decides it; the mediator was told.',
    },
  );
  if (!c.can.askToDisqualify && applications.length === 0) return null;
  return (
    <section className="case-section" aria-labelledby="disqualification">
      <h2 id="disqualification">Disqualifying the mediator</h2>
      {c.can.askToDisqualify ? null : <ChangeStatus of={apply} />}
      {applications.length ? (
        <ul className="work-list">
          {applications.map((a) => (
            <Application key={a.id} caseId={c.id} a={a} />
          ))}
        </ul>
      ) : null}
      {c.can.askToDisqualify ? <ApplyForm apply={apply} reason={reason} setReason={setReason} /> : null}
    </section>
  );
}

function standing(a: DisqualificationRequest): string {
  if (a.outcome === 'pending')
    return a.lastDayToDeny
      ? `The other party may deny it through ${formatMissouriDate(a.lastDayToDeny)}. If no one denies it by then, the mediator is disqualified and a new one is chosen.`
      : 'The program decides it.';
  if (a.outcome === 'denied')
    return `The other party denied it on ${formatMissouriDate(a.deniedAt!)}. The court decides it now.`;
  if (a.decidedBy === 'mediation_began')
    return 'No one denied it in time, but the mediation had already begun with this mediator, so it ended without effect and the mediator stays. A party may still ask the court.';
  const how =
    a.decidedBy === 'no_denial'
      ? 'no one denied it in time'
      : a.decidedBy === 'court'
        ? `by the court’s order${a.courtOrder ? ` (${a.courtOrder})` : ''}`
        : 'by the program’s decision';
  return a.outcome === 'granted'
    ? `The mediator was disqualified${a.decidedAt ? ` on ${formatMissouriDate(a.decidedAt)}` : ''}: ${how}. A new mediator is chosen.`
    : `The mediator stays: ${how}.`;
}

function Application({ caseId, a }: { caseId: string; a: DisqualificationRequest }) {
  const [reason, setReason] = useState('');
  const decision = useDecision(caseId, a);
  const deny = useChange(
    () => call(selection.denyDisqualification, { params: { caseId, requestId: a.id }, body: { reason } }),
    {
      invalidates: [caseKeys.case(caseId), caseKeys.home()],
      success: 'Denied. The court decides the application now; everyone on the case was told.',
    },
  );
  return (
    <li className="work-item">
      <p>
        <strong>Application of {formatMissouriDate(a.requestedAt)}</strong>, by the side that{' '}
        {a.side === 'requester' ? 'asked for mediation' : 'was asked'}.
      </p>
      <p>Reason given: {a.reason}</p>
      {a.denialReason ? <p>Why it was denied: {a.denialReason}</p> : null}
      <p>{standing(a)}</p>
      <ChangeStatus of={deny} />
      {a.can.deny ? (
        <SendForm
          onSend={() => deny.run()}
          busy={deny.busy}
          busyLabel="Denying…"
          submit="Deny the application"
        >
          <TextArea
            label="Why the mediator should stay"
            name="reason"
            hint="Sent to the court, which decides a denied application."
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            error={deny.field('reason')}
          />
        </SendForm>
      ) : null}
      <ChangeStatus of={decision.change} />
      {a.can.decide ? <DecisionForm a={a} decision={decision} /> : null}
    </li>
  );
}

/**
 * The decision on an application, where the server offers it (`can.decide`): the program's own
 * where its rules let it decide, or, under Rule 88.04, the court's decision of a denied application
 * recorded with the court's order (`can.recordCourtOrder`). The route sends the notices and audits.
 * The change is the application's, so its sentence stays once the form goes.
 */
function useDecision(caseId: string, a: DisqualificationRequest) {
  const [choice, setChoice] = useState<string[]>([]);
  const [courtOrder, setCourtOrder] = useState('');
  const change = useChange(
    () => {
      // No choice made: the server names the field ("Say whether the mediator is disqualified").
      const body = {
        ...(choice[0] ? { grant: choice[0] === 'disqualify' } : {}),
        ...(a.can.recordCourtOrder ? { courtOrder } : {}),
      } as DecideDisqualificationBody;
      return call(selection.decideDisqualification, { params: { caseId, requestId: a.id }, body });
    },
    {
      invalidates: [caseKeys.case(caseId), caseKeys.home()],
      success: (r) =>
        r.outcome === 'granted'
          ? 'Recorded: the mediator is disqualified and a new one is chosen. Everyone on the case was told.'
          : 'Recorded: the mediator stays. Everyone on the case was told.',
    },
  );
  return { change, choice, setChoice, courtOrder, setCourtOrder };
}

function DecisionForm({
  a,
  decision,
}: {
  a: DisqualificationRequest;
  decision: ReturnType<typeof useDecision>;
}) {
  const court = a.can.recordCourtOrder;
  return (
    <>
      <h3>{court ? 'Record the court’s decision' : 'The program’s decision'}</h3>
      <DisqualificationDecisionForm
        change={decision.change}
        legend={court ? 'What the court decided' : 'Your decision'}
        choice={decision.choice}
        setChoice={decision.setChoice}
        courtOrder={court ? { value: decision.courtOrder, set: decision.setCourtOrder } : null}
      />
    </>
  );
}

/**
 * The decision's form, here and on the court's page: the mediator is disqualified or stays, and the
 * court's order where the decision is the court's. `choice` holds 'disqualify' or 'retain'.
 */
export function DisqualificationDecisionForm({
  change,
  legend,
  choice,
  setChoice,
  courtOrder,
}: {
  change: { run: () => void; busy: boolean; field: (name: string) => string | undefined };
  legend: string;
  choice: string[];
  setChoice: (choice: string[]) => void;
  courtOrder: { value: string; set: (value: string) => void } | null;
}) {
  return (
    <SendForm
      onSend={() => change.run()}
      busy={change.busy}
      busyLabel="Recording…"
      submit="Record the decision"
    >
      <Choices
        legend={legend}
        type="radio"
        name="grant"
        options={[
          { value: 'disqualify', label: 'The mediator is disqualified' },
          { value: 'retain', label: 'The mediator stays' },
        ]}
        value={choice}
        onChange={setChoice}
        error={change.field('grant')}
      />
      {courtOrder ? (
        <TextField
          label="The court’s order"
          name="courtOrder"
          hint="Its date and number, or the docket entry."
          value={courtOrder.value}
          onChange={(e) => courtOrder.set(e.target.value)}
          error={change.field('courtOrder')}
        />
      ) : null}
    </SendForm>
  );
}

function ApplyForm({
  apply,
  reason,
  setReason,
}: {
  apply: Change<void, { lastDayToDeny: string | null }>;
  reason: string;
  setReason: (v: string) => void;
}) {
  return (
    <>
      <h3>Apply to disqualify the mediator</h3>
      <p>
        If you have a reason the mediator cannot be fair to both sides (a conflict of interest, a relationship
        with the other side), you may apply in writing. The other party has 10 days to deny it; if no one
        does, the mediator is disqualified and a new one is chosen. A denied application goes to the court.
      </p>
      <ChangeStatus of={apply} />
      <SendForm onSend={() => apply.run()} busy={apply.busy} busyLabel="Filing…" submit="Apply to disqualify">
        <TextArea
          label="Why the mediator should be disqualified"
          name="reason"
          hint="The other party, the mediator and the program read it; so does the court if the other party denies it."
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          error={apply.field('reason')}
        />
      </SendForm>
    </>
  );
}
