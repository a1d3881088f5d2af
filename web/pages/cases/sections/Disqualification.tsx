import type { TFunction } from 'i18next';
import { useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import type { CaseView } from '../../../../contracts/cases.ts';
import type { DecideDisqualificationBody, DisqualificationRequest } from '../../../../contracts/selection.ts';
import * as selection from '../../../../contracts/selection.ts';
import { caseKeys, useDisqualifications } from '../../../api/cases.ts';
import { type Change, useChange } from '../../../api/change.ts';
import { call } from '../../../api/client.ts';
import { ChangeStatus } from '../../../components/ChangeStatus.tsx';
import { TextArea, TextField } from '../../../components/Field.tsx';
import { PickOne } from '../../../components/PickOne.tsx';
import { ChangeForm } from '../../../components/SendForm.tsx';
import { useFormats } from '../../../i18n.ts';

type Formats = ReturnType<typeof useFormats>;

/**
 * Rule 88.04(e): a party applies in writing to disqualify the mediator for cause; the other party
 * may deny it within 10 days (counted by Rule 44.01(a)); an application no one denies in time
 * disqualifies the mediator by itself and a new one is chosen; a denied one goes to the court.
 */
export function DisqualificationSection({ c }: { c: CaseView }) {
  const { t } = useTranslation('case');
  const formats = useFormats();
  const list = useDisqualifications(c.id);
  const applications = list.data ?? [];
  const [reason, setReason] = useState('');
  const apply = useChange(
    () => call(selection.requestDisqualification, { params: { caseId: c.id }, body: { reason } }),
    {
      invalidates: [caseKeys.case(c.id), caseKeys.home()],
      success: (r) =>
        r.lastDayToDeny
          ? t('disqualify.filed', { date: formats.date(r.lastDayToDeny) })
          : t('disqualify.filedProgram'),
    },
  );
  if (!c.can.askToDisqualify && applications.length === 0) return null;
  return (
    <section className="case-section" aria-labelledby="disqualification">
      <h2 id="disqualification">{t('disqualify.heading')}</h2>
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

function standing(t: TFunction<'case'>, formats: Formats, a: DisqualificationRequest): string {
  if (a.outcome === 'pending')
    return a.lastDayToDeny
      ? t('disqualify.pending', { date: formats.date(a.lastDayToDeny) })
      : t('disqualify.pendingProgram');
  if (a.outcome === 'denied') return t('disqualify.denied', { date: formats.date(a.deniedAt!) });
  if (a.decidedBy === 'mediation_began') return t('disqualify.mediationBegan');
  const how =
    a.decidedBy === 'no_denial'
      ? t('disqualify.how.noDenial')
      : a.decidedBy === 'court'
        ? a.courtOrder
          ? t('disqualify.how.courtOrder', { order: a.courtOrder })
          : t('disqualify.how.court')
        : t('disqualify.how.program');
  if (a.outcome !== 'granted') return t('disqualify.stays', { how });
  return a.decidedAt
    ? t('disqualify.grantedOn', { how, date: formats.date(a.decidedAt) })
    : t('disqualify.granted', { how });
}

function Application({ caseId, a }: { caseId: string; a: DisqualificationRequest }) {
  const { t } = useTranslation('case');
  const formats = useFormats();
  const [reason, setReason] = useState('');
  const decision = useDecision(caseId, a);
  const deny = useChange(
    () => call(selection.denyDisqualification, { params: { caseId, requestId: a.id }, body: { reason } }),
    {
      invalidates: [caseKeys.case(caseId), caseKeys.home()],
      success: t('disqualify.deniedDone'),
    },
  );
  return (
    <li className="work-item">
      <p>
        <Trans
          t={t}
          i18nKey="disqualify.application"
          values={{ date: formats.date(a.requestedAt), side: a.side }}
          components={{ strong: <strong /> }}
        />
      </p>
      <p>{t('disqualify.reason', { reason: a.reason })}</p>
      {a.denialReason ? <p>{t('disqualify.denialReason', { reason: a.denialReason })}</p> : null}
      <p>{standing(t, formats, a)}</p>
      <ChangeStatus of={deny} />
      {a.can.deny ? (
        <ChangeForm change={deny} busyLabel={t('disqualify.denying')} submit={t('disqualify.deny')}>
          <TextArea
            label={t('disqualify.denyWhy')}
            name="reason"
            hint={t('disqualify.denyHint')}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            error={deny.field('reason')}
          />
        </ChangeForm>
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
  const { t } = useTranslation('case');
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
        r.outcome === 'granted' ? t('disqualify.recordedGranted') : t('disqualify.recordedStays'),
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
  const { t } = useTranslation('case');
  const court = a.can.recordCourtOrder;
  return (
    <>
      <h3>{court ? t('disqualify.recordCourt') : t('disqualify.programDecision')}</h3>
      <DisqualificationDecisionForm
        change={decision.change}
        legend={court ? t('disqualify.courtDecided') : t('disqualify.yourDecision')}
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
  const { t } = useTranslation('case');
  return (
    <ChangeForm change={change} busyLabel={t('disqualify.recording')} submit={t('disqualify.record')}>
      <PickOne
        legend={legend}
        name="grant"
        options={{ disqualify: t('disqualify.optionDisqualify'), retain: t('disqualify.optionRetain') }}
        picked={choice[0]}
        onPick={(picked) => setChoice([picked])}
        error={change.field('grant')}
      />
      {courtOrder ? (
        <TextField
          label={t('disqualify.courtOrder')}
          name="courtOrder"
          hint={t('disqualify.courtOrderHint')}
          value={courtOrder.value}
          onChange={(e) => courtOrder.set(e.target.value)}
          error={change.field('courtOrder')}
        />
      ) : null}
    </ChangeForm>
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
  const { t } = useTranslation('case');
  return (
    <>
      <h3>{t('disqualify.applyHeading')}</h3>
      <p>{t('disqualify.applyIntro')}</p>
      <ChangeStatus of={apply} />
      <ChangeForm change={apply} busyLabel={t('disqualify.filing')} submit={t('disqualify.apply')}>
        <TextArea
          label={t('disqualify.applyWhy')}
          name="reason"
          hint={t('disqualify.applyHint')}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          error={apply.field('reason')}
        />
      </ChangeForm>
    </>
  );
}
