import type { CaseView } from '../../../../contracts/cases.ts';
import * as cases from '../../../../contracts/cases.ts';
import { caseKeys } from '../../../api/cases.ts';
import { useChange } from '../../../api/change.ts';
import { call } from '../../../api/client.ts';
import { Button } from '../../../components/Button.tsx';
import { ChangeStatus } from '../../../components/ChangeStatus.tsx';

const said = (pending: boolean | null) =>
  pending === null ? 'Not answered' : pending ? 'Yes, pending' : 'No';

/**
 * A special-education case: whether a due process complaint is pending (asked at intake; the
 * state's federal figures count it), which the program may correct.
 */
export function DueProcessFact({ c }: { c: CaseView }) {
  const change = useChange(
    (pending: boolean) => call(cases.setDueProcess, { params: { caseId: c.id }, body: { pending } }),
    {
      invalidates: [caseKeys.view(c.id)],
      success: (r) =>
        `Recorded: ${r.pending ? 'a due process complaint is pending' : 'no due process complaint is pending'}.`,
    },
  );
  if (!c.dueProcess) return null;
  return (
    <div className="case-due-process">
      <p>
        <strong>Due process complaint pending:</strong> {said(c.dueProcess.pending)}
      </p>
      {c.can.setDueProcess ? (
        <p>
          <Button variant="secondary" busy={change.busy} onClick={() => void change.run(true)}>
            Record: a complaint is pending
          </Button>{' '}
          <Button variant="secondary" busy={change.busy} onClick={() => void change.run(false)}>
            Record: no complaint is pending
          </Button>
        </p>
      ) : null}
      <ChangeStatus of={change} />
    </div>
  );
}
