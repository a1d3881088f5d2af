import { useState } from 'react';
import type { AgreementContent, AgreementDrafting } from '../../../contracts/agreements.ts';
import * as agreements from '../../../contracts/agreements.ts';
import { agreementKeys } from '../../api/agreements.ts';
import { useChange } from '../../api/change.ts';
import { call } from '../../api/client.ts';
import { Button } from '../../components/Button.tsx';
import { ChangeStatus } from '../../components/ChangeStatus.tsx';
import { Choices, FieldRow, Select, TextArea, TextField } from '../../components/Field.tsx';

type Content = AgreementContent;
type Due = Content['milestones'][number]['due'];

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
  issues: agreed,
  onSaved,
}: {
  caseId: string;
  initial: Content | null;
  /** Saving writes a new version, which replaces this form: the page keeps the confirmation. */
  onSaved: (words: string) => void;
  /** The issues the server lets this agreement settle (marked agreed on the board). */
  issues: AgreementDrafting['issues'];
}) {
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
      call(agreements.draftAgreement, {
        params: { caseId },
        body: {
          settledIssueIds: settled,
          terms: terms.map(({ k: _, ...t }) => t),
          milestones: milestones.map(({ k: _, ...m }) => m),
          changeNote,
        },
      }),
    {
      invalidates: [agreementKeys.case(caseId), agreementKeys.drafting(caseId)],
      onSuccess: (r) => {
        setChangeNote('');
        onSaved(`Saved as version ${r.version}. Only you can see it until you send it for signature.`);
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
      <Choices
        legend="Issues this agreement settles"
        hint={agreed.length === 0 ? 'Mark issues as agreed on the board first.' : undefined}
        error={err('settledIssueIds')}
        type="checkbox"
        name="settled"
        options={agreed.map((i) => ({ value: i.id, label: i.title }))}
        value={settled}
        onChange={setSettled}
      />
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
      <p>
        <Button variant="secondary" onClick={() => setTerms([...terms, blankTerm()])}>
          Add another term
        </Button>
      </p>
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
      <p>
        <Button variant="secondary" onClick={() => setMilestones([...milestones, blankMilestone()])}>
          Add a milestone
        </Button>
      </p>
      {initial ? (
        <TextField
          label="What changed in this version"
          value={changeNote}
          onChange={(e) => setChangeNote(e.target.value)}
        />
      ) : null}
      <ChangeStatus of={save} />
      <p>
        <Button type="submit" busy={save.busy}>
          {initial ? 'Save the new version' : 'Save the draft'}
        </Button>
      </p>
    </form>
  );
}
