import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useParams } from 'react-router';
import { useChange } from '../../api/change.ts';
import { api } from '../../api/client.ts';
import { Button } from '../../components/Button.tsx';
import { FieldRow, Select, TextArea, TextField } from '../../components/Field.tsx';
import { Loading } from '../../components/Loading.tsx';
import { ErrorAlert, MediationPage } from './shared.tsx';

type Option = {
  id: string;
  text: string;
  visibility: 'shared' | 'private';
  proposedBy: string;
  canRelease: boolean;
};
type Issue = { id: string; title: string; status: string; statusLabel: string; options: Option[] };
type Board = {
  canEdit: boolean;
  canPropose: boolean;
  templates: { id: string; label: string }[];
  statuses: { id: string; label: string }[];
  issues: Issue[];
};

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
  const key = ['issues', caseId];
  const board = useQuery({
    queryKey: key,
    queryFn: () => api.get<Board>(`/api/v1/cases/${caseId}/issues`),
    refetchInterval: 4000,
  });
  const client = useQueryClient();
  const refresh = () => client.invalidateQueries({ queryKey: key });
  const add = useChange(
    (body: { templateId?: string; title?: string }) => api.post(`/api/v1/cases/${caseId}/issues`, body),
    { onSuccess: refresh },
  );
  const status = useChange(
    (b: { id: string; status: string }) =>
      api.patch(`/api/v1/cases/${caseId}/issues/${b.id}`, { status: b.status }),
    { onSuccess: refresh },
  );
  const release = useChange((id: string) => api.post(`/api/v1/cases/${caseId}/options/${id}/release`), {
    onSuccess: refresh,
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
      <ErrorAlert error={add.error ?? status.error ?? release.error} />
      {b.issues.length === 0 ? <p>No issues on the board yet.</p> : null}
      <ul className="m-list">
        {b.issues.map((issue) => (
          <li key={issue.id} className="m-card">
            <section aria-label={issue.title}>
              <h2>{issue.title}</h2>
              {b.canEdit ? (
                <Select
                  label={`Where “${issue.title}” stands`}
                  value={issue.status}
                  onChange={(e) => status.run({ id: issue.id, status: e.target.value })}
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
                    {o.canRelease ? (
                      <Button variant="link" onClick={() => release.run(o.id)}>
                        Share “{o.text.slice(0, 40)}” with everyone
                      </Button>
                    ) : null}
                  </li>
                ))}
              </ul>
              {b.canPropose ? <OptionForm caseId={caseId} issue={issue} onDone={refresh} /> : null}
            </section>
          </li>
        ))}
      </ul>
      {b.canEdit ? (
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

function OptionForm({ caseId, issue, onDone }: { caseId: string; issue: Issue; onDone: () => void }) {
  const [text, setText] = useState('');
  const [visibility, setVisibility] = useState<'shared' | 'private'>('shared');
  const propose = useChange(
    () => api.post(`/api/v1/cases/${caseId}/issues/${issue.id}/options`, { text, visibility }),
    {
      onSuccess: () => {
        setText('');
        onDone();
      },
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
      />
      <fieldset className="m-choices">
        <legend>Who sees it</legend>
        <label>
          <input
            type="radio"
            name={`vis-${issue.id}`}
            checked={visibility === 'shared'}
            onChange={() => setVisibility('shared')}
          />{' '}
          Everyone
        </label>
        <label>
          <input
            type="radio"
            name={`vis-${issue.id}`}
            checked={visibility === 'private'}
            onChange={() => setVisibility('private')}
          />{' '}
          Only the mediator, for now
        </label>
      </fieldset>
      <ErrorAlert error={propose.error} />
      <Button type="submit" variant="secondary" disabled={!text.trim()} busy={propose.busy}>
        Add this option
      </Button>
    </form>
  );
}
