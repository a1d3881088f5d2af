import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgreementContent, AgreementDrafting } from '../../../contracts/agreements.ts';
import * as agreements from '../../../contracts/agreements.ts';
import { agreementKeys } from '../../api/agreements.ts';
import { useChange } from '../../api/change.ts';
import { call } from '../../api/client.ts';
import { Button } from '../../components/Button.tsx';
import { ChangeStatus } from '../../components/ChangeStatus.tsx';
import { Choices, FieldRow, Options, Select, TextArea, TextField } from '../../components/Field.tsx';

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
const DUE_KINDS: Due['kind'][] = ['date', 'days_after_signing'];

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
  const { t } = useTranslation('agreement');
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
        onSaved(t('draft.saved', { version: r.version }));
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
      <h2 id="draft">{initial ? t('draft.revise') : t('draft.write')}</h2>
      <Choices
        legend={t('draft.settles')}
        hint={agreed.length === 0 ? t('draft.settlesHint') : undefined}
        error={err('settledIssueIds')}
        type="checkbox"
        name="settled"
        options={agreed.map((i) => ({ value: i.id, label: i.title }))}
        value={settled}
        onChange={setSettled}
      />
      <h3>{t('draft.terms')}</h3>
      {terms.map((term, n) => (
        <fieldset key={term.k} className="m-choices">
          <legend>{t('draft.term', { n: n + 1 })}</legend>
          <Select
            label={t('draft.termIssue', { n: n + 1 })}
            value={term.issueId ?? ''}
            onChange={(e) => setTerm(n, { issueId: e.target.value || null })}
          >
            <option value="">{t('draft.general')}</option>
            {agreed.map((i) => (
              <option key={i.id} value={i.id}>
                {i.title}
              </option>
            ))}
          </Select>
          <TextArea
            label={t('draft.termText', { n: n + 1 })}
            value={term.text}
            rows={2}
            onChange={(e) => setTerm(n, { text: e.target.value })}
            error={err(`terms.${n}.text`)}
          />
          <TextField
            label={t('draft.termWho', { n: n + 1 })}
            value={term.responsible}
            onChange={(e) => setTerm(n, { responsible: e.target.value })}
            error={err(`terms.${n}.responsible`)}
          />
        </fieldset>
      ))}
      <p>
        <Button variant="secondary" onClick={() => setTerms([...terms, blankTerm()])}>
          {t('draft.addTerm')}
        </Button>
      </p>
      <h3>{t('draft.timeline')}</h3>
      {milestones.map((m, n) => (
        <fieldset key={m.k} className="m-choices">
          <legend>{t('draft.milestone', { n: n + 1 })}</legend>
          <TextField
            label={t('draft.what', { n: n + 1 })}
            value={m.what}
            onChange={(e) => setMilestone(n, { what: e.target.value })}
            error={err(`milestones.${n}.what`)}
          />
          <TextField
            label={t('draft.who', { n: n + 1 })}
            value={m.responsible}
            onChange={(e) => setMilestone(n, { responsible: e.target.value })}
          />
          <FieldRow>
            <Select
              label={t('draft.when', { n: n + 1 })}
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
              <Options values={DUE_KINDS} words={(kind) => t(`draft.due.${kind}`)} />
            </Select>
            {m.due.kind === 'date' ? (
              <TextField
                label={t('draft.date', { n: n + 1 })}
                type="date"
                value={m.due.date}
                onChange={(e) => setMilestone(n, { due: { kind: 'date', date: e.target.value } })}
                error={err(`milestones.${n}.due.date`)}
              />
            ) : (
              <TextField
                label={t('draft.days', { n: n + 1 })}
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
            label={t('draft.evidence', { n: n + 1 })}
            value={m.evidence}
            onChange={(e) => setMilestone(n, { evidence: e.target.value })}
          />
        </fieldset>
      ))}
      <p>
        <Button variant="secondary" onClick={() => setMilestones([...milestones, blankMilestone()])}>
          {t('draft.addMilestone')}
        </Button>
      </p>
      {initial ? (
        <TextField
          label={t('draft.changeNote')}
          value={changeNote}
          onChange={(e) => setChangeNote(e.target.value)}
        />
      ) : null}
      <ChangeStatus of={save} />
      <p>
        <Button type="submit" busy={save.busy}>
          {initial ? t('draft.saveNew') : t('draft.save')}
        </Button>
      </p>
    </form>
  );
}
