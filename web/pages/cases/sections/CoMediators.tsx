import { useId, useState } from 'react';
import type { CaseView } from '../../../../contracts/cases.ts';
import { addCoMediator } from '../../../../contracts/notes.ts';
import { useChange } from '../../../api/change.ts';
import { call, errorMessage } from '../../../api/client.ts';
import { noteKeys, useCoMediators } from '../../../api/notes.ts';
import { Alert } from '../../../components/Alert.tsx';
import { Button } from '../../../components/Button.tsx';
import { ChangeStatus } from '../../../components/ChangeStatus.tsx';
import { Select } from '../../../components/Field.tsx';

/** The mediator brings in a co-mediator from the program's mediators; both see the mediation. */
export function CoMediatorsSection({ c }: { c: CaseView }) {
  if (!c.can.addCoMediators) return null;
  return <CoMediatorsForm caseId={c.id} />;
}

function CoMediatorsForm({ caseId }: { caseId: string }) {
  const id = useId();
  const view = useCoMediators(caseId);
  const [choice, setChoice] = useState('');
  const add = useChange(() => call(addCoMediator, { params: { caseId }, body: { userId: choice } }), {
    invalidates: [noteKeys.coMediators(caseId)],
    onSuccess: () => setChoice(''),
  });
  if (!view.data) return view.isError ? <Alert tone="error">{errorMessage(view.error)}</Alert> : null;
  const v = view.data;
  return (
    <section className="case-section" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>Co-mediators</h2>
      <p>
        {v.coMediators.length
          ? `Working with you: ${v.coMediators.map((m) => m.name).join(', ')}.`
          : 'No co-mediator yet.'}{' '}
        A co-mediator sees what you see on this case, including your private notes.
      </p>
      {v.can.add && v.candidates.length ? (
        <form
          className="form-inline"
          onSubmit={(e) => {
            e.preventDefault();
            add.run();
          }}
        >
          <Select label="Bring in a co-mediator" value={choice} onChange={(e) => setChoice(e.target.value)}>
            <option value="">Choose a mediator of this program</option>
            {v.candidates.map((m) => (
              <option key={m.userId} value={m.userId}>
                {m.name}
              </option>
            ))}
          </Select>
          <Button type="submit" variant="secondary" busy={add.busy} disabled={!choice}>
            Add as co-mediator
          </Button>
        </form>
      ) : null}
      <ChangeStatus of={add} />
      {add.done ? <Alert tone="success">Added. They can open this case now.</Alert> : null}
    </section>
  );
}
