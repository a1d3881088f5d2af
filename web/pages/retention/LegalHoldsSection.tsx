import { useState } from 'react';
import { type LegalHold, liftLegalHold, placeLegalHold } from '../../../contracts/retention.ts';
import { formatMissouriStamp } from '../../../domain/missouri-time.ts';
import { type Change, useChange } from '../../api/change.ts';
import { call } from '../../api/client.ts';
import { retentionKeys, useLegalHolds } from '../../api/retention.ts';
import { ChangeStatus } from '../../components/ChangeStatus.tsx';
import { TextArea } from '../../components/Field.tsx';
import { SendForm } from '../../components/SendForm.tsx';

/** A hold placed or lifted, with the reason everyone on the case will read; the box empties once it is done. */
function ReasonForm({
  change,
  busyLabel,
  submit,
  label,
  hint,
  name,
}: {
  change: Change<string, unknown>;
  busyLabel: string;
  submit: string;
  label: string;
  hint?: string;
  name: string;
}) {
  const [reason, setReason] = useState('');
  return (
    <SendForm
      onSend={() => change.run(reason, { onSuccess: () => setReason('') })}
      busy={change.busy}
      busyLabel={busyLabel}
      submit={submit}
      variant="secondary"
    >
      <ChangeStatus of={change} />
      <TextArea
        label={label}
        hint={hint}
        name={name}
        rows={2}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        error={change.field('reason')}
      />
    </SendForm>
  );
}

function LiftHold({ caseId, hold }: { caseId: string; hold: LegalHold }) {
  const lift = useChange(
    (reason: string) => call(liftLegalHold, { params: { caseId, holdId: hold.id }, body: { reason } }),
    { invalidates: [retentionKeys.holds(caseId)], success: 'The legal hold is lifted.' },
  );
  return (
    <ReasonForm
      change={lift}
      busyLabel="Lifting…"
      submit="Lift this hold"
      label="Why it is lifted"
      name={`lift-${hold.id}`}
    />
  );
}

/**
 * On the case page: the case's legal holds. While one stands, nothing of the case is purged when
 * its retention ends. Everyone on the case sees a hold; the program's coordinators place and lift them.
 */
export function LegalHoldsSection({ caseId }: { caseId: string }) {
  const holds = useLegalHolds(caseId).data;
  const place = useChange(
    (reason: string) => call(placeLegalHold, { params: { caseId }, body: { reason } }),
    { invalidates: [retentionKeys.holds(caseId)], success: 'The legal hold is placed.' },
  );
  if (!holds || (!holds.can.place && holds.holds.length === 0)) return null;
  return (
    <section className="case-section" aria-labelledby="legal-holds">
      <h2 id="legal-holds">Legal hold</h2>
      <p>
        {holds.held
          ? 'This case is under a legal hold: none of its records are deleted, even when the program’s time for keeping them ends.'
          : 'No legal hold stands. The case’s records are deleted when the program’s time for keeping them ends.'}
      </p>
      {holds.holds.length ? (
        <ul className="link-list">
          {holds.holds.map((h) => (
            <li key={h.id}>
              <strong>{h.liftedAt ? 'Lifted' : 'Standing'}</strong>: {h.reason} (placed{' '}
              {formatMissouriStamp(h.placedAt)}
              {h.placedBy ? ` by ${h.placedBy}` : ''}
              {h.liftedAt ? `; lifted ${formatMissouriStamp(h.liftedAt)}: ${h.liftReason ?? ''}` : ''})
              {h.can.lift ? <LiftHold caseId={caseId} hold={h} /> : null}
            </li>
          ))}
        </ul>
      ) : null}
      {holds.can.place ? (
        <ReasonForm
          change={place}
          busyLabel="Placing…"
          submit="Place the hold"
          label="Place a legal hold"
          hint="Say why: a court order, a claim, a records request. Everyone on the case sees it."
          name="hold-reason"
        />
      ) : null}
    </section>
  );
}
