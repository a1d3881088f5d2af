import { useState } from 'react';
import {
  type MediatorPreparation,
  type PartyPreparation,
  type PreparationAnswers,
  saveMediatorNote,
  savePreparation,
} from '../../../contracts/preparation.ts';
import { useChange } from '../../api/change.ts';
import { call } from '../../api/client.ts';
import { preparationKeys, usePreparation } from '../../api/preparation.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { TextArea } from '../../components/Field.tsx';
import { Loading } from '../../components/Loading.tsx';
import { ErrorAlert, mediationPage } from './shared.tsx';

type Answers = PreparationAnswers;

const QUESTIONS: { key: keyof Answers; label: string; hint: string }[] = [
  {
    key: 'perspective',
    label: 'What happened, in your words?',
    hint: 'Tell the mediator how you see the problem.',
  },
  { key: 'goals', label: 'What do you hope for?', hint: 'What would a good result look like for you?' },
  {
    key: 'concerns',
    label: 'What worries you?',
    hint: 'Anything you are afraid of, or that makes this hard.',
  },
  {
    key: 'solutions',
    label: 'Do you have ideas to fix it?',
    hint: 'Any idea is fine. Nothing here is a promise.',
  },
];

/** Preparation before mediation: each party's own answers; the mediator reads every party's and adds notes. */
export const PreparationPage = mediationPage('Get ready for mediation', Preparation);

function Preparation({ caseId }: { caseId: string }) {
  const view = usePreparation(caseId);
  if (view.isPending) return <Loading what="Loading your preparation" />;
  if (view.isError) return <ErrorAlert error={view.error} />;
  return view.data.role === 'party' ? (
    <PartyForm caseId={caseId} view={view.data} />
  ) : (
    <MediatorReview caseId={caseId} view={view.data} />
  );
}

function PartyForm({ caseId, view }: { caseId: string; view: PartyPreparation }) {
  const [answers, setAnswers] = useState<Answers>(view.answers);
  const save = useChange(() => call(savePreparation, { params: { caseId }, body: answers }), {
    invalidates: [preparationKeys.case(caseId)],
  });
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        save.run();
      }}
    >
      <p>Only you and the mediator can read these answers. The other side cannot.</p>
      {QUESTIONS.map((q) => (
        <TextArea
          key={q.key}
          label={q.label}
          hint={q.hint}
          value={answers[q.key]}
          maxLength={4000}
          readOnly={!view.can.save}
          error={save.field(q.key)}
          onChange={(e) => setAnswers({ ...answers, [q.key]: e.target.value })}
        />
      ))}
      <ErrorAlert error={save.error} />
      {save.done ? <Alert tone="success">Your preparation is saved.</Alert> : null}
      {view.can.save ? (
        <Button type="submit" busy={save.busy}>
          Save my preparation
        </Button>
      ) : null}
    </form>
  );
}

function MediatorReview({ caseId, view }: { caseId: string; view: MediatorPreparation }) {
  return (
    <ul className="m-list">
      {view.parties.map((p) => (
        <li key={p.participantId} className="m-card">
          <h2>{p.name}</h2>
          {p.answers ? (
            <dl>
              {QUESTIONS.map((q) => (
                <div key={q.key}>
                  <dt>{q.label}</dt>
                  <dd>{p.answers?.[q.key] || '—'}</dd>
                </div>
              ))}
            </dl>
          ) : (
            <p>{p.name} has not filled in their preparation yet.</p>
          )}
          {p.can.note ? (
            <MediatorNote
              caseId={caseId}
              participantId={p.participantId}
              name={p.name}
              initial={p.mediatorNote}
            />
          ) : null}
        </li>
      ))}
    </ul>
  );
}

function MediatorNote({
  caseId,
  participantId,
  name,
  initial,
}: {
  caseId: string;
  participantId: string;
  name: string;
  initial: string;
}) {
  const [note, setNote] = useState(initial);
  const save = useChange(
    () => call(saveMediatorNote, { params: { caseId, participantId }, body: { note } }),
    { invalidates: [preparationKeys.case(caseId)] },
  );
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        save.run();
      }}
    >
      <TextArea
        label={`My notes from the meeting with ${name}`}
        value={note}
        onChange={(e) => setNote(e.target.value)}
        error={save.field('note')}
      />
      <ErrorAlert error={save.error} />
      {save.done ? <Alert tone="success">Note saved.</Alert> : null}
      <Button type="submit" variant="secondary" busy={save.busy}>
        Save my note
      </Button>
    </form>
  );
}
