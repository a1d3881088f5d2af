import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { getFederalCsv, getFederalPdf } from '../../../contracts/reports.ts';
import { type FederalFigureKey, reportingYear } from '../../../domain/reports.ts';
import { href } from '../../api/client.ts';
import { useFederalCases, useFederalSection } from '../../api/reports.ts';
import { Button } from '../../components/Button.tsx';
import { DownloadLink } from '../../components/DownloadLink.tsx';
import { FieldRow, Options, Select } from '../../components/Field.tsx';
import { Loading } from '../../components/Loading.tsx';
import { Page } from '../../components/Page.tsx';
import { TableHead } from '../../components/TableHead.tsx';
import { ErrorAlert } from '../mediation/shared.tsx';

/**
 * The mediation section of the IDEA Part B dispute-resolution data the state reports each year
 * (July 1 to June 30): each figure, what it counts, and the cases behind it.
 */
export function FederalPage() {
  const { programId = '' } = useParams();
  const [chosen, setChosen] = useState('');
  const [year, setYear] = useState<number | undefined>();
  const [opened, setOpened] = useState<FederalFigureKey | null>(null);
  const section = useFederalSection(programId, year);
  const s = section.data;
  // The years offered: the one shown (at first, the year today falls in), and the five before and one after.
  const shown = s?.year ?? year;
  const years = shown === undefined ? [] : Array.from({ length: 7 }, (_, i) => shown + 1 - i);
  return (
    <Page
      title="Federal mediation figures"
      lead={s ? `${s.program.name}: IDEA Part B dispute resolution, mediation, ${s.label}` : undefined}
      wide
    >
      <p>
        <Link to={`/programs/${programId}/reports`}>Back to the program’s figures</Link>
      </p>
      <form
        className="form"
        aria-label="Reporting year"
        onSubmit={(e) => {
          e.preventDefault();
          if (chosen) setYear(Number(chosen));
          setOpened(null);
        }}
      >
        <FieldRow>
          <Select
            label="Reporting year (July 1 to June 30)"
            value={chosen}
            onChange={(e) => setChosen(e.target.value)}
          >
            <Options values={years} words={(y) => reportingYear(y).label} />
          </Select>
          <Button type="submit">Show the year</Button>
        </FieldRow>
      </form>
      {section.isPending ? <Loading what="Counting" /> : null}
      <ErrorAlert error={section.error} />
      {s ? (
        <>
          <p>
            <DownloadLink href={href(getFederalCsv, { programId }, { year: s.year })}>
              Download as a spreadsheet (CSV)
            </DownloadLink>{' '}
            <DownloadLink href={href(getFederalPdf, { programId }, { year: s.year })}>
              Download as a printed report (PDF)
            </DownloadLink>
          </p>
          {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must take the keyboard's focus */}
          <section className="c-chart-table" aria-label="Federal figures: table" tabIndex={0}>
            <table className="table">
              <caption>
                Mediation requests, {s.label} (July 1, {s.year} to June 30, {s.year + 1})
              </caption>
              <TableHead columns={['Number', 'Figure', 'Count', 'What it counts']} />
              <tbody>
                {s.figures.map((f) => (
                  <tr key={f.key}>
                    <td className="nowrap">{f.number}</td>
                    <th scope="row">{f.label}</th>
                    <td>
                      <Button
                        variant="secondary"
                        aria-label={`${f.value} — show the cases behind "${f.label}"`}
                        onClick={() => setOpened(f.key)}
                      >
                        {f.value}
                      </Button>
                    </td>
                    <td className="field-hint">{f.counts}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
          {opened ? <FigureCases programId={programId} year={s.year} figure={opened} /> : null}
        </>
      ) : null}
    </Page>
  );
}

function FigureCases({
  programId,
  year,
  figure,
}: {
  programId: string;
  year: number;
  figure: FederalFigureKey;
}) {
  const cases = useFederalCases(programId, year, figure);
  const c = cases.data;
  return (
    <section aria-labelledby="figure-cases">
      <h2 id="figure-cases">
        {c ? `${c.label}: ${c.cases.length} case${c.cases.length === 1 ? '' : 's'}` : 'Cases'}
      </h2>
      {cases.isPending ? <Loading what="Finding the cases" /> : null}
      <ErrorAlert error={cases.error} />
      {c ? (
        c.cases.length ? (
          <ul>
            {c.cases.map((k) => (
              <li key={k.id}>
                <Link to={`/cases/${k.id}`}>{k.reference}</Link>
              </li>
            ))}
          </ul>
        ) : (
          <p>No cases.</p>
        )
      ) : null}
    </section>
  );
}
