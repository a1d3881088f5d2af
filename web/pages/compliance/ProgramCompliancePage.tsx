import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { formatMissouriDate } from '../../../domain/missouri-time.ts';
import { useChange } from '../../api/change.ts';
import { api } from '../../api/client.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { TextField } from '../../components/Field.tsx';
import { Loading } from '../../components/Loading.tsx';
import { Page } from '../../components/Page.tsx';
import { ErrorAlert } from '../mediation/shared.tsx';
import '../mediation/mediation.css';
import './compliance.css';

type Settings = { remindDaysBefore: number; escalateToMediator: boolean; escalateToCoordinator: boolean };
type View = {
  programName: string;
  today: string;
  agreementsTracked: number;
  milestones: number;
  keptOnTime: { counted: number; kept: number; share: number | null };
  overdueAgreements: {
    caseId: string;
    reference: string;
    title: string;
    signedOn: string;
    milestones: number;
    overdue: { id: string; what: string; dueDate: string; state: string }[];
  }[];
  settings: Settings;
};

/** A coordinator's view: agreements with overdue promises, and the share of promises kept on time. */
export function ProgramCompliancePage() {
  const { programId = '' } = useParams();
  const key = ['program-compliance', programId];
  const client = useQueryClient();
  const view = useQuery({
    queryKey: key,
    queryFn: () => api.get<View>(`/api/v1/programs/${programId}/compliance`),
  });
  const v = view.data;
  return (
    <Page
      title="Promises kept"
      lead={v ? `${v.programName}: signed agreements and their promises` : undefined}
      wide
    >
      {view.isPending ? <Loading what="Loading the program" /> : null}
      <ErrorAlert error={view.error} />
      {v ? (
        <>
          <section className="m-section" aria-labelledby="share">
            <h2 id="share">Kept on time</h2>
            <p className="c-share">
              {v.keptOnTime.share === null ? '—' : `${Math.round(v.keptOnTime.share * 100)}%`}
            </p>
            <p>
              {v.keptOnTime.kept} of {v.keptOnTime.counted} promises whose date has come were done on time.
              Waived promises are left out. {v.agreementsTracked} signed agreement
              {v.agreementsTracked === 1 ? '' : 's'}, {v.milestones} promise{v.milestones === 1 ? '' : 's'} in
              all.
            </p>
          </section>
          <section className="m-section" aria-labelledby="overdue">
            <h2 id="overdue">Agreements with overdue promises</h2>
            {v.overdueAgreements.length ? (
              <table className="table">
                <caption className="muted">Oldest overdue date first</caption>
                <thead>
                  <tr>
                    <th scope="col">Case</th>
                    <th scope="col">Signed</th>
                    <th scope="col">Overdue promises</th>
                  </tr>
                </thead>
                <tbody>
                  {v.overdueAgreements.map((a) => (
                    <tr key={a.caseId}>
                      <td>
                        <Link to={`/cases/${a.caseId}/promises`}>
                          {a.reference}: {a.title}
                        </Link>
                      </td>
                      <td>{formatMissouriDate(a.signedOn)}</td>
                      <td>
                        <ul>
                          {a.overdue.map((m) => (
                            <li key={m.id}>
                              {m.what} (due {formatMissouriDate(m.dueDate)}
                              {m.state === 'disputed' ? ', disputed' : ''})
                            </li>
                          ))}
                        </ul>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ) : (
              <p>No promise is overdue.</p>
            )}
          </section>
          <SettingsForm
            programId={programId}
            initial={v.settings}
            onSaved={() => client.invalidateQueries({ queryKey: key })}
          />
        </>
      ) : null}
    </Page>
  );
}

function SettingsForm({
  programId,
  initial,
  onSaved,
}: {
  programId: string;
  initial: Settings;
  onSaved: () => void;
}) {
  const [s, setS] = useState(initial);
  const save = useChange(() => api.put(`/api/v1/programs/${programId}/compliance/settings`, s), {
    onSuccess: onSaved,
  });
  return (
    <section className="m-section" aria-labelledby="settings">
      <h2 id="settings">Reminders</h2>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          save.run();
        }}
      >
        <TextField
          label="Remind the side that must act this many days before the date"
          type="number"
          min={0}
          max={60}
          value={s.remindDaysBefore}
          onChange={(e) => setS({ ...s, remindDaysBefore: Number(e.target.value) })}
          error={save.field('remindDaysBefore')}
        />
        <fieldset className="m-choices">
          <legend>When a promise is overdue, also tell</legend>
          <label>
            <input
              type="checkbox"
              checked={s.escalateToMediator}
              onChange={(e) => setS({ ...s, escalateToMediator: e.target.checked })}
            />{' '}
            the mediator
          </label>
          <label>
            <input
              type="checkbox"
              checked={s.escalateToCoordinator}
              onChange={(e) => setS({ ...s, escalateToCoordinator: e.target.checked })}
            />{' '}
            the program’s coordinators
          </label>
        </fieldset>
        {save.done ? <Alert tone="success">Saved.</Alert> : null}
        <ErrorAlert error={save.error} />
        <Button type="submit" busy={save.busy}>
          Save
        </Button>
      </form>
    </section>
  );
}
