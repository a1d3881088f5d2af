import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { type CaseReportQuery, downloadCaseReport } from '../../../contracts/retention.ts';
import { isCaseState, STATE_LABELS } from '../../../domain/case-lifecycle.ts';
import { ApiError, href } from '../../api/client.ts';
import { useProgram } from '../../api/programs.ts';
import { useCaseReport } from '../../api/retention.ts';
import { Button } from '../../components/Button.tsx';
import { DownloadLink } from '../../components/DownloadLink.tsx';
import { FieldRow, TextField } from '../../components/Field.tsx';
import { useFormValues } from '../../components/form-values.ts';
import { Loading } from '../../components/Loading.tsx';
import { Page } from '../../components/Page.tsx';
import { TableHead } from '../../components/TableHead.tsx';
import { ErrorAlert } from '../mediation/shared.tsx';

/**
 * The program's report of closed cases: counts by closing month and by how cases ended, the
 * purged ones counted from the statistical rows they left (no names, nothing said in mediation).
 */
export function CaseReportPage() {
  const { programId = '' } = useParams();
  const program = useProgram(programId);
  const [period, setPeriod] = useState<CaseReportQuery>({});
  const report = useCaseReport(programId, period);
  const r = report.data;
  // The months typed, and the server's message on either (a 400 naming the field).
  const form = useFormValues(
    { from: '', to: '' },
    { field: (name) => (report.error instanceof ApiError ? report.error.field(name) : undefined) },
  );
  const { from, to } = form.values;
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
            {...form.bind('from')}
          />
          <TextField
            label="Closed up to (month)"
            type="month"
            hint="Leave empty for now."
            {...form.bind('to')}
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
            <DownloadLink href={href(downloadCaseReport, { programId }, period)}>
              Download as a spreadsheet (CSV)
            </DownloadLink>
          </p>
          <div className="c-report-tables">
            <table className="table">
              <caption>By month closed</caption>
              <TableHead columns={['Month', 'Cases']} />
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
              <TableHead columns={['How it ended', 'Cases']} />
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
