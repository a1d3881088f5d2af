import { useState } from 'react';
import type { CaseView } from '../../../../contracts/cases.ts';
import * as court from '../../../../contracts/court.ts';
import { caseKeys } from '../../../api/cases.ts';
import { useChange } from '../../../api/change.ts';
import { call } from '../../../api/client.ts';
import { ChangeStatus } from '../../../components/ChangeStatus.tsx';
import { FieldRow, TextField } from '../../../components/Field.tsx';
import { SendForm } from '../../../components/SendForm.tsx';

/** The program records the court case number and the judge or division of a referred case. */
export function CourtRecordSection({ c }: { c: CaseView }) {
  const d = c.details;
  const [caseNumber, setCaseNumber] = useState(d.form === 'court_referral' ? d.caseNumber : '');
  const [judge, setJudge] = useState(d.form === 'court_referral' ? (d.judge ?? '') : '');
  const [division, setDivision] = useState(d.form === 'court_referral' ? (d.division ?? '') : '');
  const save = useChange(
    () => call(court.updateCourtRecord, { params: { caseId: c.id }, body: { caseNumber, judge, division } }),
    { invalidates: [caseKeys.case(c.id)], success: 'Saved the court’s record of the case.' },
  );
  if (!c.can.recordCourtRecord || d.form !== 'court_referral') return null;
  return (
    <section className="case-section" aria-labelledby="court-record">
      <h2 id="court-record">The court’s record</h2>
      <p>
        {d.judge || d.division
          ? `Heard by ${[d.judge, d.division].filter(Boolean).join(', ')}.`
          : 'No judge or division recorded yet.'}
      </p>
      <ChangeStatus of={save} />
      <SendForm onSend={() => save.run()} busy={save.busy} busyLabel="Saving…" submit="Save the record">
        <FieldRow>
          <TextField
            label="Court case number"
            name="caseNumber"
            value={caseNumber}
            onChange={(e) => setCaseNumber(e.target.value)}
            error={save.field('caseNumber')}
          />
          <TextField
            label="Judge"
            name="judge"
            hint="Optional"
            value={judge}
            onChange={(e) => setJudge(e.target.value)}
            error={save.field('judge')}
          />
          <TextField
            label="Division"
            name="division"
            hint="Optional"
            value={division}
            onChange={(e) => setDivision(e.target.value)}
            error={save.field('division')}
          />
        </FieldRow>
      </SendForm>
    </section>
  );
}
