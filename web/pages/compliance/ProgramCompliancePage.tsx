import { useState } from 'react';
import { Link, useParams } from 'react-router';
import type { ComplianceSettings } from '../../../contracts/compliance.ts';
import * as compliance from '../../../contracts/compliance.ts';
import { formatMissouriDate } from '../../../domain/missouri-time.ts';
import { useChange } from '../../api/change.ts';
import { call } from '../../api/client.ts';
import { complianceKeys, useProgramCompliance } from '../../api/compliance.ts';
import { Button } from '../../components/Button.tsx';
import { ChangeStatus } from '../../components/ChangeStatus.tsx';
import { TextField } from '../../components/Field.tsx';
import { Loading } from '../../components/Loading.tsx';
import { Page } from '../../components/Page.tsx';
import { TableHead } from '../../components/TableHead.tsx';
import { ErrorAlert } from '../mediation/shared.tsx';
import { ProgramPromises } from './ProgramPromises.tsx';
import '../mediation/mediation.css';
import './compliance.css';

/** A coordinator's view: agreements with overdue promises, and the share of promises kept on time. */
export function ProgramCompliancePage() {
  const { programId = '' } = useParams();
  const view = useProgramCompliance(programId);
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
              <table className="table queue-table">
                <caption className="muted">Oldest overdue date first</caption>
                <TableHead columns={['Case', 'Signed', 'Overdue promises']} />
                <tbody>
                  {v.overdueAgreements.map((a) => (
                    <tr key={a.caseId}>
                      <td data-label="Case">
                        <Link to={`/cases/${a.caseId}/promises`}>
                          {a.reference}: {a.title}
                        </Link>
                      </td>
                      <td data-label="Signed" className="nowrap">
                        {formatMissouriDate(a.signedOn)}
                      </td>
                      <td data-label="Overdue promises">
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
          <ProgramPromises programId={programId} />
          <SettingsForm programId={programId} initial={v.settings} />
        </>
      ) : null}
    </Page>
  );
}

function SettingsForm({ programId, initial }: { programId: string; initial: ComplianceSettings }) {
  const [s, setS] = useState(initial);
  const save = useChange(() => call(compliance.setComplianceSettings, { params: { programId }, body: s }), {
    invalidates: [complianceKeys.program(programId)],
    success: 'Saved.',
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
        <ChangeStatus of={save} />
        <Button type="submit" busy={save.busy}>
          Save
        </Button>
      </form>
    </section>
  );
}
