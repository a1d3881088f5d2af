import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { type CaseReportQuery, downloadCaseReport } from '../../../contracts/retention.ts';
import { isCaseState, STATE_LABELS } from '../../../domain/case-lifecycle.ts';
import { ApiError, href } from '../../api/client.ts';
import { useProgram } from '../../api/programs.ts';
import { useCaseReport } from '../../api/retention.ts';
import { Button } from '../../components/Button.tsx';
import { FieldRow, TextField } from '../../components/Field.tsx';
import { Loading } from '../../components/Loading.tsx';
import { Page } from '../../components/Page.tsx';
import { ErrorAlert } from '../mediation/shared.tsx';

/**
 * The program's report of closed cases: counts by closing month and by how cases ended, the
 * purged ones counted from the statistical rows they left (no names, nothing said in mediation).
 */
export function CaseReportPage() {
  const { programId = '' } = useParams();
  const program = useProgram(programId);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [period, setPeriod] = useState<CaseReportQuery>({});
  const report = useCaseReport(programId, period);
  const r = report.data;
  const fieldError = (name: 'from' | 'to') =>
    report.error instanceof ApiError ? report.error.field(name) : undefined;
  return (
    <Page
      title="Case report"
      lead={program.data ? `${program.data.name}: closed cases, counted` : undefined}
      wide
    >
      <p>
        <Link to={`/programs/${programId}`}>Back to the program</Link> ·{' '}
        <Link to={`/programs/${programId}/retention`}>How long records are kept</Link>
      </p>
      <p>
        Cases whose records were purged at the end of their retention still count here: each left a row with
        the month it closed and how it ended, and nothing else.
      </p>
      <form
        className="form"
        aria-label="Period"
        onSubmit={(e) => {
          e.preventDefault();
          setPeriod({ ...(from ? { from } : {}), ...(to ? { to } : {}) });
        }}
      >
        <FieldRow>
          <TextField
            label="Closed from (month)"
            type="month"
            hint="Like 2026-01. Leave empty for the start."
            value={from}
            onChange={(e) => setFrom(e.target.value)}
            error={fieldError('from')}
          />
          <TextField
            label="Closed up to (month)"
            type="month"
            hint="Leave empty for now."
            value={to}
            onChange={(e) => setTo(e.target.value)}
            error={fieldError('to')}
          />
          <Button type="submit">Show</Button>
        </FieldRow>
      </form>
      {report.isPending ? <Loading what="Counting cases" /> : null}
      <ErrorAlert error={report.error} />
      {r ? (
        <>
          <p>
            <strong>{r.closed}</strong> closed case{r.closed === 1 ? '' : 's'}
            {r.from || r.to ? ` (closed ${r.from ?? 'from the start'} to ${r.to ?? 'now'})` : ''}, of which{' '}
            {r.purged} purged at the end of retention.
          </p>
          <p>
            <a
              className="button button-secondary"
              href={href(downloadCaseReport, { programId }, period)}
              download
            >
              Download as a spreadsheet (CSV)
            </a>
          </p>
          <div className="c-report-tables">
            <table className="table">
              <caption>By month closed</caption>
              <thead>
                <tr>
                  <th scope="col">Month</th>
                  <th scope="col">Cases</th>
                </tr>
              </thead>
              <tbody>
                {r.byMonth.map((m) => (
                  <tr key={m.month}>
                    <td className="nowrap">{m.month}</td>
                    <td>{m.cases}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <table className="table">
              <caption>By how it ended</caption>
              <thead>
                <tr>
                  <th scope="col">How it ended</th>
                  <th scope="col">Cases</th>
                </tr>
              </thead>
              <tbody>
                {r.byState.map((s) => (
                  <tr key={s.state}>
                    <td>{isCaseState(s.state) ? STATE_LABELS[s.state] : s.state}</td>
                    <td>{s.cases}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : null}
    </Page>
  );
}
