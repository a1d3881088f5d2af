import { useState } from 'react';
import * as casePeople from '../../../../contracts/case-people.ts';
import type * as cases from '../../../../contracts/cases.ts';
import { formatMissouriDate } from '../../../../domain/missouri-time.ts';
import { caseKeys } from '../../../api/cases.ts';
import { useChange } from '../../../api/change.ts';
import { call } from '../../../api/client.ts';
import { ChangeStatus } from '../../../components/ChangeStatus.tsx';
import { Checkbox, TextArea } from '../../../components/Field.tsx';
import { SendForm } from '../../../components/SendForm.tsx';

/**
 * Rule 17.03(b): counsel for a party files a written opt-out in the thirty days before the
 * deadline to begin. Filed, it ends the referral and the court is told; no one grants it.
 */
export function OptOutSection({ c }: { c: cases.CaseView }) {
  const [reason, setReason] = useState('');
  const [conferred, setConferred] = useState(false);
  const file = useChange(
    () => call(casePeople.requestOptOut, { params: { caseId: c.id }, body: { reason, conferred } }),
    {
      invalidates: [caseKeys.case(c.id), caseKeys.mine()],
      success: 'Filed. The referral has ended and the court was told.',
    },
  );
  if (c.state === 'opted_out' && c.consent.optOutRequestedAt) {
    return (
      <section className="case-section" aria-labelledby="opt-out">
        <h2 id="opt-out">Opted out of mediation</h2>
        <p>
          A written opt-out was filed on {formatMissouriDate(c.consent.optOutRequestedAt)} (
          {c.consent.cite.split(':')[0]}
          ). The referral to mediation has ended and the court was told. The case goes on in court; the court
          may send it to mediation again only for compelling reasons it sets out in its order.
        </p>
      </section>
    );
  }
  if (!c.can.optOut) return null;
  const window = c.deadlines.find((d) => d.id === 'opt_out_window');
  return (
    <section className="case-section" aria-labelledby="opt-out">
      <h2 id="opt-out">Opt out of mediation (Rule 17.03(b))</h2>
      <p>
        As a party’s lawyer, if you have talked with your client, every other lawyer and every party without a
        lawyer, and you conclude mediation has no reasonable chance of being productive, you may opt out in
        writing{window?.dueDate ? ` through ${formatMissouriDate(window.dueDate)}` : ''}. Filing it ends the
        referral at once and Parley sends it to the court. This cannot be undone here.
      </p>
      <ChangeStatus of={file} />
      <SendForm
        onSend={() => file.run()}
        busy={file.busy}
        busyLabel="Filing…"
        submit="File the written opt-out"
      >
        <TextArea
          label="Why mediation would not be productive"
          name="reason"
          hint="Sent to the court with the opt-out."
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          error={file.field('reason')}
        />
        <Checkbox
          label="I conferred with my client, every other lawyer and every party without a lawyer before opting out."
          checked={conferred}
          onChange={setConferred}
          error={file.field('conferred')}
        />
      </SendForm>
    </section>
  );
}
