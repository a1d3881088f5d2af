import { useState } from 'react';
import { answerSurvey, type SurveyBody } from '../../../contracts/outcomes.ts';
import { useChange } from '../../api/change.ts';
import { call } from '../../api/client.ts';
import { outcomeKeys, useSurvey } from '../../api/outcomes.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { Choices, TextArea } from '../../components/Field.tsx';
import { Loading } from '../../components/Loading.tsx';
import { ErrorAlert, mediationPage } from './shared.tsx';

type Scale = 'overall' | 'heard' | 'fair';
const SCALES: { key: Scale; label: string }[] = [
  { key: 'overall', label: 'How did mediation go for you?' },
  { key: 'heard', label: 'Did you feel heard?' },
  { key: 'fair', label: 'Was the process fair?' },
];
const POINTS = ['1', '2', '3', '4', '5'].map((n) => ({ value: n, label: n }));

/** The short satisfaction survey each party gets when the case closes. */
export const SurveyPage = mediationPage('How did it go?', Survey);

function Survey({ caseId }: { caseId: string }) {
  const existing = useSurvey(caseId);
  const [scores, setScores] = useState<Record<Scale, number>>({ overall: 0, heard: 0, fair: 0 });
  const [recommend, setRecommend] = useState<boolean | null>(null);
  const [comment, setComment] = useState('');
  const send = useChange((body: SurveyBody) => call(answerSurvey, { params: { caseId }, body }), {
    invalidates: [outcomeKeys.survey(caseId), outcomeKeys.case(caseId)],
  });
  if (existing.isPending) return <Loading what="Loading" />;
  if (existing.isError) return <ErrorAlert error={existing.error} />;
  if (!existing.data.can.answer || send.done)
    return <Alert tone="success">Thank you! Your answers help the program do better.</Alert>;
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (recommend !== null) send.run({ ...scores, recommend, comment });
      }}
    >
      <p>Five short questions. 1 means not at all, 5 means very much.</p>
      {SCALES.map((s) => (
        <Choices
          key={s.key}
          legend={s.label}
          type="radio"
          name={s.key}
          options={POINTS}
          value={scores[s.key] ? [String(scores[s.key])] : []}
          onChange={([n]) => setScores({ ...scores, [s.key]: Number(n) })}
          error={send.field(s.key)}
        />
      ))}
      <Choices
        legend="Would you tell a friend to try mediation?"
        type="radio"
        name="recommend"
        options={[
          { value: 'yes', label: 'Yes' },
          { value: 'no', label: 'No' },
        ]}
        value={recommend === null ? [] : [recommend ? 'yes' : 'no']}
        onChange={([answer]) => setRecommend(answer === 'yes')}
        error={send.field('recommend')}
      />
      <TextArea
        label="Anything else you want to tell us? (optional)"
        value={comment}
        rows={3}
        onChange={(e) => setComment(e.target.value)}
        error={send.field('comment')}
      />
      <ErrorAlert error={send.error} />
      <Button type="submit" busy={send.busy} disabled={recommend === null}>
        Send my answers
      </Button>
    </form>
  );
}
