import { useState } from 'react';
import { useChange } from '../../api/change.ts';
import { api } from '../../api/client.ts';
import { useIssueBoard } from '../../api/issues.ts';
import { Button } from '../../components/Button.tsx';
import { FieldRow, Select, TextArea, TextField } from '../../components/Field.tsx';
import { ErrorAlert } from './shared.tsx';

export type Due = { kind: 'date'; date: string } | { kind: 'days_after_signing'; days: number };
export type Content = {
  terms: { issueId: string | null; text: string; responsible: string }[];
  milestones: { what: string; responsible: string; due: Due; evidence: string }[];
  settledIssueIds: string[];
};

let seq = 0;
const uid = () => `k${++seq}`;
const blankTerm = () => ({ k: uid(), issueId: null, text: '', responsible: '' });
const blankMilestone = () => ({
  k: uid(),
  what: '',
  responsible: '',
  due: { kind: 'date', date: '' } as Due,
  evidence: '',
});
type Keyed<T> = T & { k: string };

/** The mediator writes the agreement from the agreed issues, or revises it (a new version). */
export function AgreementDraft({
  caseId,
  initial,
  onSaved,
}: {
  caseId: string;
  initial: Content | null;
  onSaved: () => void;
}) {
  const board = useIssueBoard(caseId);
  const agreed = (board.data?.issues ?? []).filter(
    (i) => i.status === 'agreed' || i.status === 'partly_agreed',
  );
  const [settled, setSettled] = useState<string[]>(initial?.settledIssueIds ?? []);
  const [terms, setTerms] = useState<Keyed<Content['terms'][number]>[]>(
    initial?.terms.map((t) => ({ ...t, k: uid() })) ?? [blankTerm()],
  );
  const [milestones, setMilestones] = useState<Keyed<Content['milestones'][number]>[]>(
    initial?.milestones.map((m) => ({ ...m, k: uid() })) ?? [],
  );
  const [changeNote, setChangeNote] = useState('');
  const save = useChange(
    () =>
      api.post(`/api/v1/cases/${caseId}/agreement/versions`, {
        settledIssueIds: settled,
        terms,
        milestones,
        changeNote,
      }),
    {
      onSuccess: () => {
        setChangeNote('');
        onSaved();
      },
    },
  );
  const err = (f: string) => save.field(f);
  const setTerm = (n: number, patch: Partial<Content['terms'][number]>) =>
    setTerms(terms.map((t, i) => (i === n ? { ...t, ...patch } : t)));
  const setMilestone = (n: number, patch: Partial<Content['milestones'][number]>) =>
    setMilestones(milestones.map((m, i) => (i === n ? { ...m, ...patch } : m)));
  return (
    <form
      className="m-section"
      aria-labelledby="draft"
      onSubmit={(e) => {
        e.preventDefault();
        save.run();
      }}
    >
      <h2 id="draft">{initial ? 'Revise the agreement' : 'Write the agreement'}</h2>
      <fieldset className="m-choices">
        <legend>Issues this agreement settles</legend>
        {err('settledIssueIds') ? <p className="m-error">{err('settledIssueIds')}</p> : null}
        {agreed.length === 0 ? <p>Mark issues as agreed on the board first.</p> : null}
        {agreed.map((i) => (
          <label key={i.id}>
            <input
              type="checkbox"
              checked={settled.includes(i.id)}
              onChange={(e) =>
                setSettled(e.target.checked ? [...settled, i.id] : settled.filter((x) => x !== i.id))
              }
            />{' '}
            {i.title}
          </label>
        ))}
      </fieldset>
      <h3>Terms</h3>
      {terms.map((t, n) => (
        <fieldset key={t.k} className="m-choices">
          <legend>Term {n + 1}</legend>
          <Select
            label={`Issue for term ${n + 1}`}
            value={t.issueId ?? ''}
            onChange={(e) => setTerm(n, { issueId: e.target.value || null })}
          >
            <option value="">General</option>
            {agreed.map((i) => (
              <option key={i.id} value={i.id}>
                {i.title}
              </option>
            ))}
          </Select>
          <TextArea
            label={`What was agreed (term ${n + 1})`}
            value={t.text}
            rows={2}
            onChange={(e) => setTerm(n, { text: e.target.value })}
            error={err(`terms.${n}.text`)}
          />
          <TextField
            label={`Who does it (term ${n + 1})`}
            value={t.responsible}
            onChange={(e) => setTerm(n, { responsible: e.target.value })}
            error={err(`terms.${n}.responsible`)}
          />
        </fieldset>
      ))}
      <Button variant="secondary" onClick={() => setTerms([...terms, blankTerm()])}>
        Add another term
      </Button>
      <h3>Timeline</h3>
      {milestones.map((m, n) => (
        <fieldset key={m.k} className="m-choices">
          <legend>Milestone {n + 1}</legend>
          <TextField
            label={`What happens (milestone ${n + 1})`}
            value={m.what}
            onChange={(e) => setMilestone(n, { what: e.target.value })}
            error={err(`milestones.${n}.what`)}
          />
          <TextField
            label={`Who is responsible (milestone ${n + 1})`}
            value={m.responsible}
            onChange={(e) => setMilestone(n, { responsible: e.target.value })}
          />
          <FieldRow>
            <Select
              label={`When (milestone ${n + 1})`}
              value={m.due.kind}
              onChange={(e) =>
                setMilestone(n, {
                  due:
                    e.target.value === 'date'
                      ? { kind: 'date', date: '' }
                      : { kind: 'days_after_signing', days: 30 },
                })
              }
            >
              <option value="date">On a date</option>
              <option value="days_after_signing">Days after everyone signs</option>
            </Select>
            {m.due.kind === 'date' ? (
              <TextField
                label={`Date (milestone ${n + 1})`}
                type="date"
                value={m.due.date}
                onChange={(e) => setMilestone(n, { due: { kind: 'date', date: e.target.value } })}
                error={err(`milestones.${n}.due.date`)}
              />
            ) : (
              <TextField
                label={`Days (milestone ${n + 1})`}
                type="number"
                min={1}
                value={m.due.days}
                onChange={(e) =>
                  setMilestone(n, { due: { kind: 'days_after_signing', days: Number(e.target.value) } })
                }
                error={err(`milestones.${n}.due.days`)}
              />
            )}
          </FieldRow>
          <TextField
            label={`What shows it was done (milestone ${n + 1})`}
            value={m.evidence}
            onChange={(e) => setMilestone(n, { evidence: e.target.value })}
          />
        </fieldset>
      ))}
      <Button variant="secondary" onClick={() => setMilestones([...milestones, blankMilestone()])}>
        Add a milestone
      </Button>
      {initial ? (
        <TextField
          label="What changed in this version"
          value={changeNote}
          onChange={(e) => setChangeNote(e.target.value)}
        />
      ) : null}
      <ErrorAlert error={save.error} />
      <p>
        <Button type="submit" busy={save.busy}>
          {initial ? 'Save the new version' : 'Save the draft'}
        </Button>
      </p>
    </form>
  );
}
