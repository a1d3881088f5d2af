import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useParams } from 'react-router';
import { useChange } from '../../api/change.ts';
import { api } from '../../api/client.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { TextArea } from '../../components/Field.tsx';
import { Loading } from '../../components/Loading.tsx';
import { ErrorAlert, MediationPage } from './shared.tsx';

const SCALES: { key: 'overall' | 'heard' | 'fair'; label: string }[] = [
  { key: 'overall', label: 'How did mediation go for you?' },
  { key: 'heard', label: 'Did you feel heard?' },
  { key: 'fair', label: 'Was the process fair?' },
];

/** The short satisfaction survey each party gets when the case closes. */
export function SurveyPage() {
  const { caseId = '' } = useParams();
  return (
    <MediationPage caseId={caseId} title="How did it go?">
      {() => <Survey caseId={caseId} />}
    </MediationPage>
  );
}

function Survey({ caseId }: { caseId: string }) {
  const existing = useQuery({
    queryKey: ['survey', caseId],
    queryFn: () => api.get<{ answeredAt: string | null }>(`/api/v1/cases/${caseId}/survey`),
  });
  const [scores, setScores] = useState({ overall: 0, heard: 0, fair: 0 });
  const [recommend, setRecommend] = useState<boolean | null>(null);
  const [comment, setComment] = useState('');
  const send = useChange(() => api.put(`/api/v1/cases/${caseId}/survey`, { ...scores, recommend, comment }));
  if (existing.isPending) return <Loading what="Loading" />;
  if (existing.isError) return <ErrorAlert error={existing.error} />;
  if (existing.data.answeredAt || send.done)
    return <Alert tone="success">Thank you! Your answers help the program do better.</Alert>;
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        send.run();
      }}
    >
      <p>Five short questions. 1 means not at all, 5 means very much.</p>
      {SCALES.map((s) => (
        <fieldset key={s.key} className="m-choices">
          <legend>{s.label}</legend>
          {[1, 2, 3, 4, 5].map((n) => (
            <label key={n}>
              <input
                type="radio"
                name={s.key}
                checked={scores[s.key] === n}
                onChange={() => setScores({ ...scores, [s.key]: n })}
              />{' '}
              {n}
            </label>
          ))}
        </fieldset>
      ))}
      <fieldset className="m-choices">
        <legend>Would you tell a friend to try mediation?</legend>
        <label>
          <input
            type="radio"
            name="recommend"
            checked={recommend === true}
            onChange={() => setRecommend(true)}
          />{' '}
          Yes
        </label>
        <label>
          <input
            type="radio"
            name="recommend"
            checked={recommend === false}
            onChange={() => setRecommend(false)}
          />{' '}
          No
        </label>
      </fieldset>
      <TextArea
        label="Anything else you want to tell us? (optional)"
        value={comment}
        rows={3}
        onChange={(e) => setComment(e.target.value)}
      />
      <ErrorAlert error={send.error} />
      <Button type="submit" busy={send.busy}>
        Send my answers
      </Button>
    </form>
  );
}
