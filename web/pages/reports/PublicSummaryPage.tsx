import { useParams } from 'react-router';
import { formatMissouriDate } from '../../../domain/missouri-time.ts';
import { usePublicSummary } from '../../api/reports.ts';
import { Loading } from '../../components/Loading.tsx';
import { Page } from '../../components/Page.tsx';
import { ErrorAlert } from '../mediation/shared.tsx';

/** A program's public summary: its resolution rate and satisfaction, any count of 1 to 4 hidden. */
export function PublicSummaryPage() {
  const { programId = '' } = useParams();
  const summary = usePublicSummary(programId);
  const s = summary.data;
  return (
    <Page title="How mediation went" lead={s ? `${s.program.name}, the last 12 months` : undefined}>
      {summary.isPending ? <Loading what="Loading the summary" /> : null}
      <ErrorAlert error={summary.error} />
      {s ? (
        <>
          <p>
            From {formatMissouriDate(s.from)} to {formatMissouriDate(s.to)}. To protect the families who took
            part, any count from 1 to 4 reads “fewer than 5”.
          </p>
          <dl className="c-figures">
            <div>
              <dt>Mediations that ended</dt>
              <dd>{s.mediationsEnded}</dd>
            </div>
            <div>
              <dt>Ended in agreement</dt>
              <dd>{s.resolved}</dd>
            </div>
            <div>
              <dt>Resolution rate</dt>
              <dd>{s.resolutionRate === null ? 'too few to say' : `${s.resolutionRate}%`}</dd>
            </div>
            <div>
              <dt>Would recommend mediation</dt>
              <dd>{s.wouldRecommend === null ? 'too few to say' : `${s.wouldRecommend}%`}</dd>
            </div>
          </dl>
          <p className="field-hint">{s.resolutionDefinition}</p>
          <table className="table">
            <caption>Survey answers ({s.surveyAnswers}), from 1 (poor) to 5 (very good)</caption>
            <thead>
              <tr>
                <th scope="col">Question</th>
                {[1, 2, 3, 4, 5].map((n) => (
                  <th scope="col" key={n}>
                    {n}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {s.questions.map((q) => (
                <tr key={q.key}>
                  <th scope="row">{q.label}</th>
                  {q.counts.map((c, i) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: the five answers never move
                    <td key={i}>{c}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
    </Page>
  );
}
