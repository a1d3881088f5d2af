import { useState } from 'react';
import { Link, useParams } from 'react-router';
import {
  type Dashboard,
  type DashboardQuery,
  getDashboardCsv,
  getDashboardPdf,
  type ReportSettings,
  type SetReportSettingsBody,
  setReportSettings,
} from '../../../contracts/reports.ts';
import { useChange } from '../../api/change.ts';
import { ApiError, call, href } from '../../api/client.ts';
import { reportKeys, useDashboard, useReportSettings } from '../../api/reports.ts';
import { BarChart } from '../../components/BarChart.tsx';
import { Button } from '../../components/Button.tsx';
import { ChangeStatus } from '../../components/ChangeStatus.tsx';
import { Checkbox, FieldRow, TextField } from '../../components/Field.tsx';
import { useFormValues } from '../../components/form-values.ts';
import { ListChoice } from '../../components/ListFilterForm.tsx';
import { Loading } from '../../components/Loading.tsx';
import { Page } from '../../components/Page.tsx';
import { ErrorAlert } from '../mediation/shared.tsx';

type Filters = Required<{ [K in keyof DashboardQuery]: string }>;
const EMPTY: Filters = { from: '', to: '', county: '', mediatorId: '', caseType: '', category: '' };
/** The query the filters ask for: only what is filled in. */
const queryOf = (f: Filters): DashboardQuery =>
  Object.fromEntries(Object.entries(f).filter(([, v]) => v !== '')) as DashboardQuery;

/** A kind of case or category as read: "special_education" is "special education". */
const spaced = (value: string) => [value, value.replaceAll('_', ' ')] as const;

/** The drop-down filters: each chooses among what the program's figures hold, or everything. */
const CHOICE_FILTERS: {
  name: 'county' | 'mediatorId' | 'caseType' | 'category';
  label: string;
  any: string;
  choices: (c: Dashboard['choices']) => (readonly [string, string])[];
}[] = [
  { name: 'county', label: 'County', any: 'Every county', choices: (c) => c.counties.map((v) => [v, v]) },
  {
    name: 'mediatorId',
    label: 'Mediator',
    any: 'Every mediator',
    choices: (c) => c.mediators.map((m) => [m.id, m.name]),
  },
  { name: 'caseType', label: 'Kind of case', any: 'Every kind', choices: (c) => c.caseTypes.map(spaced) },
  {
    name: 'category',
    label: 'Category of dispute',
    any: 'Every category',
    choices: (c) => c.categories.map(spaced),
  },
];

const dollars = (n: number) => `$${n.toLocaleString('en-US')}`;
const orDash = (n: number | null, unit = '') => (n === null ? 'none yet' : `${n}${unit}`);

/** A program's figures: requests, outcomes, days, sessions, satisfaction, promises, cost avoided, months. */
export function DashboardPage() {
  const { programId = '' } = useParams();
  const [filters, setFilters] = useState<Filters>(EMPTY);
  const [query, setQuery] = useState<DashboardQuery>({});
  const dashboard = useDashboard(programId, query);
  const d = dashboard.data;
  const fieldError = (name: keyof DashboardQuery) =>
    dashboard.error instanceof ApiError ? dashboard.error.field(name) : undefined;
  const set = (name: keyof Filters) => (e: { target: { value: string } }) =>
    setFilters((f) => ({ ...f, [name]: e.target.value }));
  return (
    <Page
      title="Program figures"
      lead={d ? `${d.program.name}: what its mediations add up to` : undefined}
      wide
    >
      <p>
        <Link to={`/programs/${programId}`}>Back to the program</Link> ·{' '}
        <Link to={`/programs/${programId}/reports/federal`}>Federal mediation figures (IDEA Part B)</Link>
      </p>
      <p>Figures only: nothing anyone said or wrote in a case is ever part of them.</p>
      <form
        className="form"
        aria-label="Period and filters"
        onSubmit={(e) => {
          e.preventDefault();
          setQuery(queryOf(filters));
        }}
      >
        <FieldRow>
          <TextField
            label="From"
            type="date"
            hint="Leave empty for the start."
            value={filters.from}
            onChange={set('from')}
            error={fieldError('from')}
          />
          <TextField
            label="To"
            type="date"
            hint="Leave empty for today."
            value={filters.to}
            onChange={set('to')}
            error={fieldError('to')}
          />
        </FieldRow>
        <FieldRow>
          {CHOICE_FILTERS.map((f) => (
            <ListChoice
              key={f.name}
              label={f.label}
              any={f.any}
              value={filters[f.name]}
              onChange={set(f.name)}
              choices={d ? f.choices(d.choices) : []}
            />
          ))}
        </FieldRow>
        <Button type="submit">Show the figures</Button>
      </form>
      {dashboard.isPending ? <Loading what="Counting" /> : null}
      <ErrorAlert error={dashboard.error} />
      {d ? <Figures programId={programId} d={d} query={query} /> : null}
      {d?.can.editSettings ? <SettingsForm programId={programId} /> : null}
    </Page>
  );
}

function Figures({ programId, d, query }: { programId: string; d: Dashboard; query: DashboardQuery }) {
  const months = d.trends.map((m) => m.month);
  const outcomeBars: [string, number][] = [
    ['Full agreement', d.outcomes.full],
    ['Partial agreement', d.outcomes.partial],
    ...(d.outcomes.informal === null
      ? []
      : [['Informal agreement', d.outcomes.informal] as [string, number]]),
    ['No agreement', d.outcomes.none],
    ['Not suitable', d.outcomes.notSuitable],
  ];
  return (
    <>
      <p>
        <a className="button button-secondary" href={href(getDashboardCsv, { programId }, query)} download>
          Download as a spreadsheet (CSV)
        </a>{' '}
        <a className="button button-secondary" href={href(getDashboardPdf, { programId }, query)} download>
          Download as a printed report (PDF)
        </a>
      </p>
      <section aria-labelledby="headline">
        <h2 id="headline">At a glance</h2>
        <dl className="c-figures">
          <Figure label="Requests received" value={d.requests.received} />
          <Figure label="Declined" value={d.requests.declined} />
          <Figure label="Withdrawn or opted out" value={d.requests.withdrawn} />
          <Figure label="Mediations held" value={d.mediationsHeld} />
          <Figure label="Resolution rate" value={orDash(d.resolution.rate, '%')} />
          <Figure label="Estimated cost avoided" value={dollars(d.costAvoided.total)} />
        </dl>
        <p className="field-hint">
          Resolution rate: {d.resolution.resolved} of {d.resolution.ended}. {d.resolution.definition}
        </p>
      </section>
      <section aria-labelledby="outcomes">
        <h2 id="outcomes">How mediations ended</h2>
        <BarChart
          title="Cases closed, by outcome"
          categoryLabel="Outcome"
          categories={outcomeBars.map(([label]) => label)}
          series={[{ label: 'Cases', values: outcomeBars.map(([, n]) => n) }]}
        />
      </section>
      <section aria-labelledby="time">
        <h2 id="time">Time and sessions</h2>
        <table className="table">
          <caption>Days from the request</caption>
          <thead>
            <tr>
              <th scope="col">To</th>
              <th scope="col">Cases</th>
              <th scope="col">Median</th>
              <th scope="col">90th percentile</th>
            </tr>
          </thead>
          <tbody>
            {(
              [
                ['The first session', d.days.toFirstSession],
                ['Closing', d.days.toClose],
              ] as const
            ).map(([label, s]) => (
              <tr key={label}>
                <th scope="row">{label}</th>
                <td>{s.cases}</td>
                <td>{orDash(s.median)}</td>
                <td>{orDash(s.p90)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="field-hint">{d.days.definition}</p>
        <dl className="c-figures">
          <Figure label="Sessions per case" value={orDash(d.sessions.sessionsPerCase)} />
          <Figure label="Hours per case" value={orDash(d.sessions.hoursPerCase)} />
          <Figure label="Cases with sessions" value={d.sessions.cases} />
        </dl>
      </section>
      <section aria-labelledby="satisfaction">
        <h2 id="satisfaction">Satisfaction</h2>
        {(
          [
            ['Cases that reached agreement', d.satisfaction.withAgreement],
            ['Cases without agreement', d.satisfaction.withoutAgreement],
          ] as const
        ).map(([title, group]) => (
          <div key={title}>
            <h3>
              {title}: {group.responses} answer{group.responses === 1 ? '' : 's'}
            </h3>
            <BarChart
              title={`${title}: answers from 1 (poor) to 5 (very good)`}
              categoryLabel="Answer"
              categories={['1', '2', '3', '4', '5']}
              series={group.questions.map((q) => ({ label: q.label, values: q.counts }))}
            />
            <p>
              Would recommend mediation: {group.recommend.yes} yes, {group.recommend.no} no.
            </p>
          </div>
        ))}
      </section>
      <section aria-labelledby="promises">
        <h2 id="promises">Promises in signed agreements</h2>
        <BarChart
          title="Promises due in the period"
          categoryLabel="How it went"
          categories={['Kept on time', 'Kept late', 'Missed', 'Waived', 'Still open']}
          series={[
            {
              label: 'Promises',
              values: [
                d.promises.onTime,
                d.promises.late,
                d.promises.missed,
                d.promises.waived,
                d.promises.open,
              ],
            },
          ]}
        />
        <p>
          Deadlines met: {d.deadlines.met} of {d.deadlines.due} ({orDash(d.deadlines.rate, '%')}).{' '}
          <span className="field-hint">{d.deadlines.definition}</span>
        </p>
      </section>
      <section aria-labelledby="cost">
        <h2 id="cost">Cost avoided</h2>
        <p>
          {d.costAvoided.resolved} cases resolved × {dollars(d.costAvoided.costPerCase)} ={' '}
          <strong>{dollars(d.costAvoided.total)}</strong>. {d.costAvoided.definition}
        </p>
        <p className="field-hint">Source of the cost: {d.costAvoided.source}</p>
      </section>
      <section aria-labelledby="months">
        <h2 id="months">Month by month</h2>
        {months.length ? (
          <BarChart
            title="Requests, mediations held and cases closed, by month"
            categoryLabel="Month"
            categories={months}
            series={[
              { label: 'Requests received', values: d.trends.map((m) => m.received) },
              { label: 'Mediations held', values: d.trends.map((m) => m.held) },
              { label: 'Cases closed', values: d.trends.map((m) => m.closed) },
              { label: 'Resolved', values: d.trends.map((m) => m.resolved) },
            ]}
          />
        ) : (
          <p>No requests yet.</p>
        )}
      </section>
    </>
  );
}

function Figure({ label, value }: { label: string; value: number | string }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}

function SettingsForm({ programId }: { programId: string }) {
  const settings = useReportSettings(programId);
  return settings.data ? <SettingsFields programId={programId} settings={settings.data} /> : null;
}

function SettingsFields({ programId, settings }: { programId: string; settings: ReportSettings }) {
  const [publicSummary, setPublicSummary] = useState(settings.publicSummary);
  const change = useChange(
    (body: SetReportSettingsBody) => call(setReportSettings, { params: { programId }, body }),
    {
      invalidates: [reportKeys.all],
      success: (saved) => `Saved. Each resolved case now counts ${dollars(saved.dueProcessCost)}.`,
    },
  );
  const form = useFormValues(
    {
      dueProcessCost: String(settings.dueProcessCost),
      dueProcessCostSource: settings.dueProcessCostSource,
    },
    change,
  );
  return (
    <form
      className="form"
      aria-labelledby="report-settings"
      onSubmit={(e) => {
        e.preventDefault();
        const cost = form.values.dueProcessCost;
        const n = Number(cost.replaceAll(',', '').replace('$', ''));
        void change.run({
          dueProcessCost: (Number.isFinite(n) && cost.trim() !== '' ? n : cost) as number,
          dueProcessCostSource: form.values.dueProcessCostSource,
          publicSummary,
        });
      }}
    >
      <h2 id="report-settings">Report settings</h2>
      <FieldRow>
        <TextField
          label="What one due-process hearing costs (dollars)"
          inputMode="numeric"
          {...form.bind('dueProcessCost')}
        />
      </FieldRow>
      <TextField label="Where the cost comes from" {...form.bind('dueProcessCostSource')} />
      <Checkbox
        label="Show a public summary of this program (its resolution rate and satisfaction, small counts hidden)"
        checked={publicSummary}
        onChange={setPublicSummary}
        error={change.field('publicSummary')}
      />
      {settings.publicSummary ? (
        <p>
          <Link to={`/programs/${programId}/summary`}>The public summary</Link>
        </p>
      ) : null}
      <Button type="submit" busy={change.busy}>
        Save the settings
      </Button>
      <ChangeStatus of={change} />
    </form>
  );
}
