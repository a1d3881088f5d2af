import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { type ProgramRules, setLocalRules, setRuleChoices } from '../../../contracts/programs.ts';
import { formatMissouriDate } from '../../../domain/missouri-time.ts';
import { useSession } from '../../api/accounts.ts';
import { useChange } from '../../api/change.ts';
import { call, errorMessage } from '../../api/client.ts';
import { programKeys, useProgram, useProgramRules } from '../../api/programs.ts';
import { Alert } from '../../components/Alert.tsx';
import { ChangeStatus } from '../../components/ChangeStatus.tsx';
import { Choices, TextField } from '../../components/Field.tsx';
import { useFormValues } from '../../components/form-values.ts';
import { Loading } from '../../components/Loading.tsx';
import { Page } from '../../components/Page.tsx';
import { ChangeForm, SendForm } from '../../components/SendForm.tsx';
import { ProgramDistricts } from './ProgramDistricts.tsx';
import { PROGRAM_KIND_LABELS } from './ProgramsPage.tsx';

const LOCAL_LABELS: Record<string, { label: string; unit: string }> = {
  minimumHours: { label: 'Minimum hours of mediation', unit: 'hours' },
  reportDeadlineDays: { label: "Days to send the mediator's report to the court", unit: 'days' },
  companionsPerParty: { label: 'People who may come with each side', unit: 'people' },
  freeHours: { label: 'Free hours of mediation', unit: 'hours' },
};

/** How one program runs: its rule pack and local rules in plain words, each with its citation. */
export function ProgramRulesPage() {
  const { programId = '' } = useParams();
  const session = useSession();
  const program = useProgram(programId);
  const rules = useProgramRules(programId);
  const coordinates = session.data?.user?.grants.some(
    (g) => (g.role === 'coordinator' && g.scope === programId) || g.role === 'admin',
  );

  return (
    <Page title={program.data?.name ?? 'Program'} lead={program.data?.description}>
      <p>
        <Link to="/programs">All programs</Link>
      </p>
      {program.data ? (
        <p className="tag">{PROGRAM_KIND_LABELS[program.data.kind] ?? program.data.kind}</p>
      ) : null}
      {rules.isPending ? <Loading what="Loading the rules" /> : null}
      {rules.isError ? <Alert tone="error">{errorMessage(rules.error)}</Alert> : null}
      {rules.data?.pack ? (
        <>
          <h2>How mediation works here</h2>
          <p>
            This program follows <strong>{rules.data.pack.name}</strong> (version of {rules.data.pack.version}
            ).
          </p>
          <dl className="rule-list">
            {rules.data.rules.map((rule) => (
              <div key={rule.key} className="card">
                <dt>
                  {rule.label}
                  {rule.local ? <span className="tag"> Local rule</span> : null}
                </dt>
                <dd>
                  <p>{rule.text}</p>
                  <p className="field-hint">
                    Source: {rule.cite} <span className="nowrap">({dayWords(rule.since)})</span>
                  </p>
                  {rule.unconfirmed ? (
                    <p className="field-hint">Not confirmed against the official text: {rule.unconfirmed}</p>
                  ) : null}
                </dd>
              </div>
            ))}
          </dl>
          {coordinates ? (
            <>
              <h2>Running the program</h2>
              <ul className="link-list">
                <li>
                  <Link to={`/programs/${programId}/cases`}>Work queue: every case</Link>
                </li>
                <li>
                  <Link to={`/programs/${programId}/retention`}>How long records are kept</Link>
                </li>
                <li>
                  <Link to={`/programs/${programId}/case-report`}>Case report: closed cases, counted</Link>
                </li>
                <li>
                  <Link to={`/programs/${programId}/reports`}>
                    Program figures: outcomes, time, satisfaction
                  </Link>
                </li>
              </ul>
              <ProgramDistricts programId={programId} />
              <ChoicesForm programId={programId} rules={rules.data} />
              <LocalRulesForm programId={programId} rules={rules.data} />
            </>
          ) : null}
        </>
      ) : rules.data ? (
        <p>This program does not run mediation cases.</p>
      ) : null}
    </Page>
  );
}

function LocalRulesForm({ programId, rules }: { programId: string; rules: ProgramRules }) {
  const current = Object.fromEntries(rules.rules.filter((r) => r.local).map((r) => [r.key, r]));
  const [values, setValues] = useState<Record<string, { value: string; cite: string }>>(() =>
    Object.fromEntries(
      rules.overridable.map((key) => [
        key,
        {
          value: current[key] ? (/\d+/.exec(current[key].text)?.[0] ?? '') : '',
          cite: current[key]?.cite ?? '',
        },
      ]),
    ),
  );
  const save = useChange(
    () =>
      call(setLocalRules, {
        params: { programId },
        body: Object.fromEntries(
          rules.overridable.map((key) => {
            const v = values[key]!;
            return [key, v.value.trim() === '' ? null : { value: Number(v.value), cite: v.cite }];
          }),
        ),
      }),
    {
      invalidates: [programKeys.rules(programId)],
      success: 'Saved. The rules above now show your local rules.',
    },
  );
  return (
    <section aria-labelledby="local-rules">
      <h2 id="local-rules">Local rules</h2>
      <p>
        Your program may add these local rules to its pack. Leave a number empty to use the pack's own rule.
      </p>
      <ChangeStatus of={save} />
      <ChangeForm change={save} busyLabel="Saving…" submit="Save local rules">
        {rules.overridable.map((key) => (
          <fieldset key={key} className="fieldset">
            <legend>{LOCAL_LABELS[key]?.label ?? key}</legend>
            <TextField
              label={`Number of ${LOCAL_LABELS[key]?.unit ?? 'units'}`}
              name={`${key}-value`}
              inputMode="numeric"
              value={values[key]?.value ?? ''}
              onChange={(e) => setValues({ ...values, [key]: { ...values[key]!, value: e.target.value } })}
              error={save.field(`${key}.value`) ?? save.field(key)}
            />
            <TextField
              label="The local rule it comes from"
              name={`${key}-cite`}
              hint="For example: 16th Circuit Local Rule 68.10"
              value={values[key]?.cite ?? ''}
              onChange={(e) => setValues({ ...values, [key]: { ...values[key]!, cite: e.target.value } })}
              error={save.field(`${key}.cite`)}
            />
          </fieldset>
        ))}
      </ChangeForm>
    </section>
  );
}

/** The settings the program picks from its pack's list, each naming the rule or practice it follows. */
function ChoicesForm({ programId, rules }: { programId: string; rules: ProgramRules }) {
  const [values, setValues] = useState<Record<string, { value: string; cite: string }>>(() =>
    Object.fromEntries(rules.choices.map((c) => [c.key, { value: c.value, cite: c.local ? c.cite : '' }])),
  );
  const save = useChange(
    (courtEmail: string) =>
      call(setRuleChoices, {
        params: { programId },
        body: {
          ...Object.fromEntries(
            rules.choices.map((c) => {
              const v = values[c.key]!;
              // The pack's default with no source of the program's own: back to the pack.
              return [c.key, v.value === c.packDefault.value && v.cite.trim() === '' ? null : v];
            }),
          ),
          courtNoticeEmail: courtEmail.trim() === '' ? null : courtEmail.trim(),
        },
      }),
    {
      invalidates: [programKeys.rules(programId)],
      success: 'Saved. The rules above now show your choices.',
    },
  );
  const form = useFormValues({ courtNoticeEmail: rules.courtNoticeEmail ?? '' }, save);
  return (
    <section aria-labelledby="rule-choices">
      <h2 id="rule-choices">Your court’s practice</h2>
      <p>
        Choose what your court allows. Each choice starts at the default of this kind of program’s rules; if
        you change one, name the court rule or practice it follows.
      </p>
      <ChangeStatus of={save} />
      <SendForm
        onSend={() => save.run(form.values.courtNoticeEmail)}
        busy={save.busy}
        busyLabel="Saving…"
        submit="Save choices"
      >
        {rules.choices.map((c) => (
          <fieldset key={c.key} className="fieldset">
            <legend>{c.label}</legend>
            <Choices
              legend="Choose one"
              type="radio"
              name={`${c.key}-value`}
              hint={`Default: ${c.options.find((o) => o.value === c.packDefault.value)?.label ?? c.packDefault.value}. Source: ${c.packDefault.cite}`}
              options={c.options}
              value={[values[c.key]?.value ?? c.value]}
              onChange={(v) =>
                setValues({ ...values, [c.key]: { ...values[c.key]!, value: v[0] ?? c.value } })
              }
              error={save.field(`${c.key}.value`) ?? save.field(c.key)}
            />
            <TextField
              label="The court rule or practice it follows"
              name={`${c.key}-cite`}
              hint="Leave empty to keep the rules’ default. For example: 7th Circuit civil Rules of Mediation"
              value={values[c.key]?.cite ?? ''}
              onChange={(e) => setValues({ ...values, [c.key]: { ...values[c.key]!, cite: e.target.value } })}
              error={save.field(`${c.key}.cite`)}
            />
          </fieldset>
        ))}
        <TextField
          label="The court’s e-mail address for notices"
          type="email"
          autoComplete="off"
          hint="Where Parley sends notices to the court, such as a filed opt-out. Leave empty to receive them yourselves and pass them on."
          {...form.bind('courtNoticeEmail')}
        />
      </SendForm>
    </section>
  );
}

/** A rule's day (YYYY-MM-DD) as a person writes it, kept on one line: "October 13, 2006". */
const dayWords = (day: string) =>
  /^\d{4}-\d{2}-\d{2}$/.test(day) ? formatMissouriDate(`${day}T12:00:00Z`) : day;
