import { useState } from 'react';
import { useTranslation } from 'react-i18next';
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

/** The questions, in order; each one's words are `preparation.<key>.label` and `.hint` in the catalog. */
const QUESTIONS: (keyof Answers)[] = ['perspective', 'goals', 'concerns', 'solutions'];

/** Preparation before mediation: each party's own answers; the mediator reads every party's and adds notes. */
export const PreparationPage = mediationPage({ ns: 'workspace', key: 'titles.preparation' }, Preparation);

function Preparation({ caseId }: { caseId: string }) {
  const { t } = useTranslation('workspace');
  const view = usePreparation(caseId);
  if (view.isPending) return <Loading what={t('preparation.loading')} />;
  if (view.isError) return <ErrorAlert error={view.error} />;
  return view.data.role === 'party' ? (
    <PartyForm caseId={caseId} view={view.data} />
  ) : (
    <MediatorReview caseId={caseId} view={view.data} />
  );
}

function PartyForm({ caseId, view }: { caseId: string; view: PartyPreparation }) {
  const { t } = useTranslation('workspace');
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
      <p>{t('preparation.private')}</p>
      {QUESTIONS.map((q) => (
        <TextArea
          key={q}
          label={t(`preparation.${q}.label`)}
          hint={t(`preparation.${q}.hint`)}
          value={answers[q]}
          maxLength={4000}
          readOnly={!view.can.save}
          error={save.field(q)}
          onChange={(e) => setAnswers({ ...answers, [q]: e.target.value })}
        />
      ))}
      <ErrorAlert error={save.error} />
      {save.done ? <Alert tone="success">{t('preparation.saved')}</Alert> : null}
      {view.can.save ? (
        <Button type="submit" busy={save.busy}>
          {t('preparation.save')}
        </Button>
      ) : null}
    </form>
  );
}

function MediatorReview({ caseId, view }: { caseId: string; view: MediatorPreparation }) {
  const { t } = useTranslation('workspace');
  return (
    <ul className="m-list">
      {view.parties.map((p) => (
        <li key={p.participantId} className="m-card">
          <h2>{p.name}</h2>
          {p.answers ? (
            <dl>
              {QUESTIONS.map((q) => (
                <div key={q}>
                  <dt>{t(`preparation.${q}.label`)}</dt>
                  <dd>{p.answers?.[q] || '—'}</dd>
                </div>
              ))}
            </dl>
          ) : (
            <p>{t('preparation.notYet', { name: p.name })}</p>
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
  const { t } = useTranslation('workspace');
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
        label={t('preparation.noteLabel', { name })}
        value={note}
        onChange={(e) => setNote(e.target.value)}
        error={save.field('note')}
      />
      <ErrorAlert error={save.error} />
      {save.done ? <Alert tone="success">{t('preparation.noteSaved')}</Alert> : null}
      <Button type="submit" variant="secondary" busy={save.busy}>
        {t('preparation.saveNote')}
      </Button>
    </form>
  );
}
