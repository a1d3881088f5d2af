import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { answerSurvey, type SurveyBody } from '../../../contracts/outcomes.ts';
import { useChange } from '../../api/change.ts';
import { call } from '../../api/client.ts';
import { outcomeKeys, useSurvey } from '../../api/outcomes.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { Choices, TextArea } from '../../components/Field.tsx';
import { Loading } from '../../components/Loading.tsx';
import { YesNo } from '../../components/YesNo.tsx';
import { ErrorAlert, mediationPage } from './shared.tsx';

type Scale = 'overall' | 'heard' | 'fair';
/** The scales, in order; each one's question is `survey.<key>` in the catalog. */
const SCALES: Scale[] = ['overall', 'heard', 'fair'];
const POINTS = ['1', '2', '3', '4', '5'].map((n) => ({ value: n, label: n }));

/** The short satisfaction survey each party gets when the case closes. */
export const SurveyPage = mediationPage({ ns: 'workspace', key: 'titles.survey' }, Survey);

function Survey({ caseId }: { caseId: string }) {
  const { t } = useTranslation('workspace');
  const existing = useSurvey(caseId);
  const [scores, setScores] = useState<Record<Scale, number>>({ overall: 0, heard: 0, fair: 0 });
  const [recommend, setRecommend] = useState<boolean | null>(null);
  const [comment, setComment] = useState('');
  const send = useChange((body: SurveyBody) => call(answerSurvey, { params: { caseId }, body }), {
    invalidates: [outcomeKeys.survey(caseId), outcomeKeys.case(caseId)],
  });
  if (existing.isPending) return <Loading what={t('loading')} />;
  if (existing.isError) return <ErrorAlert error={existing.error} />;
  if (!existing.data.can.answer || send.done) return <Alert tone="success">{t('survey.thanks')}</Alert>;
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (recommend !== null) send.run({ ...scores, recommend, comment });
      }}
    >
      <p>{t('survey.intro')}</p>
      {SCALES.map((s) => (
        <Choices
          key={s}
          legend={t(`survey.${s}`)}
          type="radio"
          name={s}
          options={POINTS}
          value={scores[s] ? [String(scores[s])] : []}
          onChange={([n]) => setScores({ ...scores, [s]: Number(n) })}
          error={send.field(s)}
        />
      ))}
      <YesNo
        legend={t('survey.recommend')}
        name="recommend"
        labels={{ yes: t('survey.yes'), no: t('survey.no') }}
        answer={recommend}
        onAnswer={setRecommend}
        error={send.field('recommend')}
      />
      <TextArea
        label={t('survey.comment')}
        value={comment}
        rows={3}
        onChange={(e) => setComment(e.target.value)}
        error={send.field('comment')}
      />
      <ErrorAlert error={send.error} />
      <Button type="submit" busy={send.busy} disabled={recommend === null}>
        {t('survey.send')}
      </Button>
    </form>
  );
}
