import type { QueryKey } from '@tanstack/react-query';
import * as court from '../../../contracts/court.ts';
import { useChange } from '../../api/change.ts';
import { call } from '../../api/client.ts';
import { ChangeStatus } from '../../components/ChangeStatus.tsx';
import { FieldRow, TextField } from '../../components/Field.tsx';
import { useFormValues } from '../../components/form-values.ts';
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
  const save = useChange(
    (body: court.CourtRecordBody) => call(court.updateCourtRecord, { params: { caseId }, body }),
    { invalidates, success: 'Saved the court’s record of the case.' },
  );
  const form = useFormValues(
    { caseNumber: record.caseNumber, judge: record.judge ?? '', division: record.division ?? '' },
    save,
  );
  return (
    <>
      <ChangeStatus of={save} />
      <SendForm
        onSend={() => save.run(form.values)}
        busy={save.busy}
        busyLabel="Saving…"
        submit="Save the record"
      >
        <FieldRow>
          <TextField label="Court case number" {...form.bind('caseNumber')} />
          <TextField label="Judge" hint="Optional" {...form.bind('judge')} />
          <TextField label="Division" hint="Optional" {...form.bind('division')} />
        </FieldRow>
      </SendForm>
    </>
  );
}
