import { useState } from 'react';
import { useParams } from 'react-router';
import {
  type AddIssueBody,
  addIssue,
  type Issue,
  proposeOption,
  releaseOption,
  type UpdateIssueBody,
  updateIssue,
} from '../../../contracts/issues.ts';
import { useChange } from '../../api/change.ts';
import { call } from '../../api/client.ts';
import { issueKeys, useIssueBoard } from '../../api/issues.ts';
import { useAids } from '../../api/negotiation.ts';
import { Button } from '../../components/Button.tsx';
import { ChangeStatus } from '../../components/ChangeStatus.tsx';
import { Choices, FieldRow, Select, TextArea, TextField } from '../../components/Field.tsx';
import { Loading } from '../../components/Loading.tsx';
import { NegotiationAid } from './NegotiationAid.tsx';
import { ErrorAlert, MediationPage } from './shared.tsx';

/** The issues board. It refreshes every few seconds, so everyone in the session works from the same board. */
export function IssuesPage() {
  const { caseId = '' } = useParams();
  return (
    <MediationPage caseId={caseId} title="Issues and options">
      {() => <IssuesBoard caseId={caseId} />}
    </MediationPage>
  );
}

function IssuesBoard({ caseId }: { caseId: string }) {
  const board = useIssueBoard(caseId);
  const aids = useAids(caseId);
  const invalidates = [issueKeys.case(caseId)];
  const add = useChange((body: AddIssueBody) => call(addIssue, { params: { caseId }, body }), {
    invalidates,
    success: (issue) => `“${issue.title}” is on the board.`,
  });
  const status = useChange(
    ({ issueId, ...body }: UpdateIssueBody & { issueId: string }) =>
      call(updateIssue, { params: { caseId, issueId }, body }),
    { invalidates, success: 'The issue is updated.' },
  );
  const release = useChange((optionId: string) => call(releaseOption, { params: { caseId, optionId } }), {
    invalidates,
    success: 'The option is shared with everyone.',
  });
  const [template, setTemplate] = useState('');
  const [custom, setCustom] = useState('');
  if (board.isPending) return <Loading what="Loading the board" />;
  if (board.isError) return <ErrorAlert error={board.error} />;
  const b = board.data;
  return (
    <>
      <p>
        Options marked private are seen only by the mediator and the person who wrote them, until that person
        shares them.
      </p>
      <ChangeStatus of={[add, status, release]} />
      {b.issues.length === 0 ? <p>No issues on the board yet.</p> : null}
      <ul className="m-list">
        {b.issues.map((issue) => (
          <li key={issue.id} className="m-card">
            <section aria-label={issue.title}>
              <h2>{issue.title}</h2>
              {issue.can.update ? (
                <Select
                  label={`Where “${issue.title}” stands`}
                  value={issue.status}
                  onChange={(e) => {
                    const chosen = b.statuses.find((s) => s.id === e.target.value);
                    if (chosen) status.run({ issueId: issue.id, status: chosen.id });
                  }}
                >
                  {b.statuses.map((s) => (
                    <option key={s.id} value={s.id}>
                      {s.label}
                    </option>
                  ))}
                </Select>
              ) : (
                <p>
                  Where it stands: <span className="m-badge">{issue.statusLabel}</span>
                </p>
              )}
              <h3>Options</h3>
              {issue.options.length === 0 ? <p>No options yet.</p> : null}
              <ul>
                {issue.options.map((o) => (
                  <li key={o.id}>
                    {o.text} <span className="m-hint">({o.proposedBy})</span>{' '}
                    {o.visibility === 'private' ? (
                      <span className="m-badge m-badge-private">Private</span>
                    ) : null}{' '}
                    {o.can.release ? (
                      <Button variant="link" onClick={() => release.run(o.id)}>
                        Share “{o.text.slice(0, 40)}” with everyone
                      </Button>
                    ) : null}
                  </li>
                ))}
              </ul>
              {issue.can.propose ? <OptionForm caseId={caseId} issue={issue} /> : null}
              {aids.data ? <NegotiationAid caseId={caseId} issue={issue} aids={aids.data} /> : null}
            </section>
          </li>
        ))}
      </ul>
      {b.can.addIssue ? (
        <section className="m-section" aria-labelledby="add-issue">
          <h2 id="add-issue">Add an issue</h2>
          {b.templates.length ? (
            <FieldRow>
              <Select
                label="From the program’s list"
                value={template}
                onChange={(e) => setTemplate(e.target.value)}
              >
                <option value="">Choose an issue</option>
                {b.templates.map((t) => (
                  <option key={t.id} value={t.id}>
                    {t.label}
                  </option>
                ))}
              </Select>
              <Button
                variant="secondary"
                disabled={!template}
                onClick={() => add.run({ templateId: template }, { onSuccess: () => setTemplate('') })}
              >
                Add this issue
              </Button>
            </FieldRow>
          ) : null}
          <FieldRow>
            <TextField
              label="Or name another issue"
              value={custom}
              onChange={(e) => setCustom(e.target.value)}
              error={add.field('title')}
            />
            <Button
              variant="secondary"
              disabled={!custom.trim()}
              onClick={() => add.run({ title: custom }, { onSuccess: () => setCustom('') })}
            >
              Add my issue
            </Button>
          </FieldRow>
        </section>
      ) : null}
    </>
  );
}

function OptionForm({ caseId, issue }: { caseId: string; issue: Issue }) {
  const [text, setText] = useState('');
  const [visibility, setVisibility] = useState<'shared' | 'private'>('shared');
  const propose = useChange(
    () => call(proposeOption, { params: { caseId, issueId: issue.id }, body: { text, visibility } }),
    {
      invalidates: [issueKeys.case(caseId)],
      onSuccess: () => setText(''),
      success: 'Your option is added.',
    },
  );
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        propose.run();
      }}
    >
      <TextArea
        label={`An idea for “${issue.title}”`}
        value={text}
        rows={2}
        onChange={(e) => setText(e.target.value)}
        error={propose.field('text')}
      />
      <Choices
        legend="Who sees it"
        type="radio"
        name={`vis-${issue.id}`}
        options={[
          { value: 'shared', label: 'Everyone' },
          { value: 'private', label: 'Only the mediator, for now' },
        ]}
        value={[visibility]}
        onChange={([choice]) => setVisibility(choice === 'private' ? 'private' : 'shared')}
        error={propose.field('visibility')}
      />
      <ChangeStatus of={propose} />
      <Button type="submit" variant="secondary" disabled={!text.trim()} busy={propose.busy}>
        Add this option
      </Button>
    </form>
  );
}
