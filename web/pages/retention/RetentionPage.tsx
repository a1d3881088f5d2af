import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { type RetentionPolicy, type SetRetentionBody, setRetention } from '../../../contracts/retention.ts';
import { useChange } from '../../api/change.ts';
import { call } from '../../api/client.ts';
import { useProgram } from '../../api/programs.ts';
import { retentionKeys, useRetention } from '../../api/retention.ts';
import { Button } from '../../components/Button.tsx';
import { ChangeStatus } from '../../components/ChangeStatus.tsx';
import { Choices, FieldRow, TextField } from '../../components/Field.tsx';
import { useFormValues } from '../../components/form-values.ts';
import { Loading } from '../../components/Loading.tsx';
import { Page } from '../../components/Page.tsx';
import { ErrorAlert } from '../mediation/shared.tsx';

/** A program's retention schedule: how long each kind of record is kept, where the figure comes from. */
export function RetentionPage() {
  const { programId = '' } = useParams();
  const program = useProgram(programId);
  const policy = useRetention(programId);
  const p = policy.data;
  return (
    <Page
      title="How long records are kept"
      lead={
        program.data ? `${program.data.name}: closed cases and the confidential words in them` : undefined
      }
    >
      <p>
        <Link to={`/programs/${programId}`}>Back to the program</Link> ·{' '}
        <Link to={`/programs/${programId}/case-report`}>Case report</Link>
      </p>
      {policy.isPending ? <Loading what="Loading the schedule" /> : null}
      <ErrorAlert error={policy.error} />
      {p ? (
        <>
          <section aria-labelledby="kinds">
            <h2 id="kinds">Each kind of record</h2>
            <dl className="rule-list">
              <div className="card">
                <dt>
                  Closed case records: kept {years(p.closedCaseYears.value)} after the case closes
                  {p.closedCaseYears.local ? <span className="tag"> The program’s own schedule</span> : null}
                </dt>
                <dd>
                  {p.closedCaseYears.local ? (
                    <p>
                      Following {p.closedCaseYears.cite}
                      {p.closedCaseYears.since ? ` (since ${p.closedCaseYears.since})` : ''}.
                    </p>
                  ) : null}
                  <p>
                    The rule pack says {years(p.packClosedCaseYears.value)}: {p.packClosedCaseYears.cite} (
                    {p.packClosedCaseYears.since}).
                    {p.packClosedCaseYears.confirmed === false ? (
                      <strong> Not confirmed against the official text.</strong>
                    ) : null}
                  </p>
                  {p.packClosedCaseYears.note ? (
                    <p className="field-hint">{p.packClosedCaseYears.note}</p>
                  ) : null}
                  <p className="field-hint">
                    Then the case and everything on it is removed. A statistical row with no names stays, so
                    the case report still counts it.
                  </p>
                </dd>
              </div>
              <div className="card">
                <dt>Confidential words: {confidentialWhen(p.confidentialAfterDays)}</dt>
                <dd>
                  <p>
                    The mediator’s private notes, each party’s preparation and safety screening answers, and
                    options never shared.
                  </p>
                </dd>
              </div>
              <div className="card">
                <dt>Cases under a legal hold: kept until the hold is lifted</dt>
                <dd>
                  <p>
                    {p.casesOnHold === 0
                      ? 'No closed case is on hold now.'
                      : `${p.casesOnHold} closed case${p.casesOnHold === 1 ? ' is' : 's are'} on hold now.`}
                  </p>
                </dd>
              </div>
            </dl>
          </section>
          {p.can.change ? <ScheduleForm programId={programId} policy={p} /> : null}
        </>
      ) : null}
    </Page>
  );
}

const years = (n: number) => `${n} year${n === 1 ? '' : 's'}`;

function confidentialWhen(days: number | null) {
  if (days === null) return 'removed with the rest of the record';
  if (days === 0) return 'removed as soon as the case closes (at the next nightly run)';
  return `removed ${days} day${days === 1 ? '' : 's'} after the case closes`;
}

function ScheduleForm({ programId, policy }: { programId: string; policy: RetentionPolicy }) {
  const [own, setOwn] = useState(policy.closedCaseYears.local);
  const [early, setEarly] = useState(policy.confidentialAfterDays !== null);
  const change = useChange((body: SetRetentionBody) => call(setRetention, { params: { programId }, body }), {
    invalidates: [retentionKeys.policy(programId)],
    success: (saved) =>
      `Saved. Closed cases are now kept ${years(saved.closedCaseYears.value)}; confidential words are ${confidentialWhen(saved.confidentialAfterDays)}.`,
  });
  const form = useFormValues(
    {
      yearsKept: String(policy.closedCaseYears.value),
      cite: policy.closedCaseYears.local ? policy.closedCaseYears.cite : '',
      days: String(policy.confidentialAfterDays ?? 0),
    },
    change,
  );
  // Whatever is typed is sent as it is: the server names the field when it is not a whole number.
  const number = (text: string) =>
    (/^\s*-?\d+(\.\d+)?\s*$/.test(text) ? Number(text) : text) as unknown as number;
  const { limits } = policy;
  return (
    <form
      className="form"
      aria-labelledby="change-schedule"
      onSubmit={(e) => {
        e.preventDefault();
        const { yearsKept, cite, days } = form.values;
        void change.run({
          closedCaseYears: own ? { value: number(yearsKept), cite } : null,
          confidentialAfterDays: early ? number(days) : null,
        });
      }}
    >
      <h2 id="change-schedule">Change the schedule</h2>
      <Choices
        legend="How long to keep closed cases"
        type="radio"
        name="years-source"
        value={[own ? 'own' : 'pack']}
        onChange={([v]) => setOwn(v === 'own')}
        options={[
          { value: 'pack', label: `The rule pack’s figure (${years(policy.packClosedCaseYears.value)})` },
          { value: 'own', label: 'Our own schedule' },
        ]}
      />
      {own ? (
        <FieldRow>
          <TextField
            label="Years to keep closed cases"
            hint={`From ${limits.minYears} to ${limits.maxYears} years.`}
            inputMode="numeric"
            {...form.bind('yearsKept')}
            error={change.field('closedCaseYears.value') ?? change.field('closedCaseYears')}
          />
          <TextField
            label="The schedule or rule this follows"
            hint="For example, the circuit's records retention schedule and its item number."
            {...form.bind('cite', 'closedCaseYears.cite')}
          />
        </FieldRow>
      ) : null}
      <Choices
        legend="When to remove confidential words"
        type="radio"
        name="confidential"
        value={[early ? 'early' : 'rest']}
        onChange={([v]) => setEarly(v === 'early')}
        options={[
          { value: 'rest', label: 'With the rest of the record' },
          { value: 'early', label: 'Early, a number of days after the case closes' },
        ]}
      />
      {early ? (
        <TextField
          label="Days after closing"
          hint={`0 removes them at the first nightly run after the case closes; at most ${limits.maxConfidentialDays} days.`}
          inputMode="numeric"
          {...form.bind('days', 'confidentialAfterDays')}
        />
      ) : null}
      <ChangeStatus of={change} />
      <div className="form-actions">
        <Button type="submit" busy={change.busy}>
          Save the schedule
        </Button>
      </div>
    </form>
  );
}
