import type { QueryKey } from '@tanstack/react-query';
import { useState } from 'react';
import * as court from '../../../contracts/court.ts';
import { useChange } from '../../api/change.ts';
import { call } from '../../api/client.ts';
import { ChangeStatus } from '../../components/ChangeStatus.tsx';
import { FieldRow, TextField } from '../../components/Field.tsx';
import { SendForm } from '../../components/SendForm.tsx';

/**
 * The court's record of a referred case (the court case number, the judge, the division), kept by
 * the program on the case page or by the court on its own page: one form, the same route.
 */
export function CourtRecordForm({
  caseId,
  record,
  invalidates,
}: {
  caseId: string;
  record: { caseNumber: string; judge: string | null; division: string | null };
  invalidates: QueryKey[];
}) {
  const [caseNumber, setCaseNumber] = useState(record.caseNumber);
  const [judge, setJudge] = useState(record.judge ?? '');
  const [division, setDivision] = useState(record.division ?? '');
  const save = useChange(
    () => call(court.updateCourtRecord, { params: { caseId }, body: { caseNumber, judge, division } }),
    { invalidates, success: 'Saved the court’s record of the case.' },
  );
  return (
    <>
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
    </>
  );
}
