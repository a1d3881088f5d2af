import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useChange } from '../../../api/change.ts';
import { api, errorMessage } from '../../../api/client.ts';
import { Alert } from '../../../components/Alert.tsx';
import { Button } from '../../../components/Button.tsx';
import { ChangeStatus } from '../../../components/ChangeStatus.tsx';
import { Choices, TextArea } from '../../../components/Field.tsx';
import { type CaseView, caseKey } from '../types.ts';

type MyScreening = {
  questions: { id: string; text: string }[];
  answers: Record<string, boolean> | null;
  note: string;
  submittedAt: string | null;
};
type Response = {
  participantId: string;
  name: string;
  submittedAt: string | null;
  answers: { id: string; text: string; answer: boolean | null }[] | null;
  note: string | null;
  flags: string[];
  suggestion: string | null;
  suggestedSafeguards: string[];
};

const SCREENING_STATES = ['screening', 'choosing_mediator', 'agreement_to_mediate', 'ready_to_schedule'];
const SAFEGUARD_WORDS: Record<string, string> = {
  separate_sessions: 'Separate sessions',
  support_person: 'A support person',
  hide_contact: 'Hide contact details from the other side',
  quick_exit: 'A quick-exit button on their pages',
};

export function ScreeningSection({ c }: { c: CaseView }) {
  if (!SCREENING_STATES.includes(c.state) && c.state !== 'not_suitable') return null;
  return (
    <section className="case-section" aria-labelledby="screening">
      <h2 id="screening">Private questions about safety</h2>
      {c.viewer.kind === 'party' ? <PartyScreening c={c} /> : null}
      {c.viewer.kind === 'coordinator' ||
      (c.viewer.kind === 'mediator' && c.mediator?.status === 'accepted') ? (
        <ScreeningReview c={c} />
      ) : null}
      {c.viewer.kind === 'companion' ? <p>Each party answers these questions privately.</p> : null}
    </section>
  );
}

function PartyScreening({ c }: { c: CaseView }) {
  const client = useQueryClient();
  const mine = useQuery({
    queryKey: ['screening', c.id],
    queryFn: () => api.get<MyScreening>(`/api/v1/cases/${c.id}/screening`),
  });
  const [answers, setAnswers] = useState<Record<string, boolean>>({});
  const [note, setNote] = useState('');
  const save = useChange(() => api.put(`/api/v1/cases/${c.id}/screening`, { answers, note }), {
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ['screening', c.id] });
      await client.invalidateQueries({ queryKey: caseKey(c.id) });
    },
  });
  if (!mine.data) return mine.isError ? <Alert tone="error">{errorMessage(mine.error)}</Alert> : null;
  if (mine.data.submittedAt && save.startedAt !== 0)
    return <Alert tone="success">Thank you. Your answers are saved.</Alert>;
  if (mine.data.submittedAt)
    return (
      <p>
        You answered these questions. Only you and the mediator or the screening coordinator can read your
        answers.
      </p>
    );
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    save.run();
  };
  return (
    <form className="form" onSubmit={onSubmit} noValidate>
      <p>
        Only you and the mediator or the screening coordinator can read your answers. The other side never
        sees them.
      </p>
      <ChangeStatus of={save} />
      {mine.data.questions.map((q) => (
        <Choices
          key={q.id}
          legend={q.text}
          type="radio"
          name={q.id}
          options={[
            { value: 'yes', label: 'Yes' },
            { value: 'no', label: 'No' },
          ]}
          value={answers[q.id] === undefined ? [] : [answers[q.id] ? 'yes' : 'no']}
          onChange={(v) => setAnswers((old) => ({ ...old, [q.id]: v[0] === 'yes' }))}
        />
      ))}
      <TextArea
        label="Anything else the mediator should know? (optional)"
        name="note"
        value={note}
        onChange={(e) => setNote(e.target.value)}
      />
      <Button type="submit" busy={save.busy}>
        Save my answers
      </Button>
    </form>
  );
}

function ScreeningReview({ c }: { c: CaseView }) {
  const client = useQueryClient();
  const responses = useQuery({
    queryKey: ['screening-responses', c.id],
    queryFn: () => api.get<Response[]>(`/api/v1/cases/${c.id}/screening/responses`),
    retry: false,
  });
  const [safeguards, setSafeguards] = useState<string[]>([]);
  const decide = useChange(
    (decision: string) =>
      api.post(`/api/v1/cases/${c.id}/screening/decision`, {
        decision,
        safeguards: safeguards.map((s) => {
          const [participantId, kind] = s.split(':');
          return { participantId, kind };
        }),
      }),
    { onSuccess: () => client.invalidateQueries({ queryKey: caseKey(c.id) }) },
  );
  if (responses.isError) return <p>{errorMessage(responses.error)}</p>;
  if (!responses.data) return null;
  return (
    <div>
      {responses.data.map((r) => (
        <details key={r.participantId} className="disclosure">
          <summary>
            {r.name}:{' '}
            {r.submittedAt
              ? `answered · suggestion: ${r.suggestion?.replaceAll('_', ' ')}`
              : 'not answered yet'}
          </summary>
          {r.answers ? (
            <ul>
              {r.answers.map((a) => (
                <li key={a.id}>
                  {a.text} <strong>{a.answer ? 'Yes' : 'No'}</strong>
                </li>
              ))}
            </ul>
          ) : null}
          {r.note ? <p>Note: {r.note}</p> : null}
        </details>
      ))}
      <ChangeStatus of={decide} />
      {/* The decision is made once, while the case is at screening; later the answers stay readable. */}
      {c.state === 'screening' ? (
        <>
          <Choices
            legend="Safeguards (if any)"
            type="checkbox"
            name="safeguards"
            options={responses.data.flatMap((r) =>
              Object.entries(SAFEGUARD_WORDS).map(([kind, words]) => ({
                value: `${r.participantId}:${kind}`,
                label: `${words} for ${r.name}`,
              })),
            )}
            value={safeguards}
            onChange={setSafeguards}
          />
          <div className="button-row">
            <Button
              busy={decide.busy}
              onClick={() => decide.run(safeguards.length ? 'proceed_with_safeguards' : 'proceed')}
            >
              Go ahead with mediation
            </Button>
            <Button variant="danger" busy={decide.busy} onClick={() => decide.run('not_suitable')}>
              Not suitable for mediation
            </Button>
          </div>
        </>
      ) : null}
    </div>
  );
}
