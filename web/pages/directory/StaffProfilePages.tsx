import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import type { ProfileBody } from '../../../contracts/directory-profiles.ts';
import type { FederalPanels } from '../../../contracts/directory-review.ts';
import * as directoryReview from '../../../contracts/directory-review.ts';
import { useChange } from '../../api/change.ts';
import { call, errorMessage } from '../../api/client.ts';
import { directoryKeys, useCounties, useDirectorySearch, useStaffProfile } from '../../api/directory.ts';
import { Alert } from '../../components/Alert.tsx';
import { ChangeStatus } from '../../components/ChangeStatus.tsx';
import { Entry } from '../../components/EntryList.tsx';
import { Checkbox, TextField } from '../../components/Field.tsx';
import { useFormValues } from '../../components/form-values.ts';
import { Loading } from '../../components/Loading.tsx';
import { ChangeForm, SendForm } from '../../components/SendForm.tsx';
import { StaffShell } from '../association/StaffShell.tsx';
import '../programs/programs.css';
import './directory.css';
import { EligibilityList } from './EligibilityList.tsx';
import { ROSTER_SHORT } from './labels.ts';
import { ProfileForm } from './ProfileForm.tsx';

/**
 * /association/staff/mediators: association staff find a mediator's listed profile by name, to
 * edit it or record the federal courts' panels. The training review queue links here too.
 */
export function StaffMediatorsPage() {
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const form = useFormValues({ q });
  const results = useDirectorySearch({ q, sort: q ? 'relevance' : 'name', limit: 50 });
  const first = results.data?.pages[0];
  return (
    <StaffShell
      title="Mediators’ profiles"
      lead="Edit a mediator’s directory profile, or record that a federal court lists them on its mediation panel. Every change is kept in the audit trail."
    >
      <SendForm
        onSend={() => setParams(form.values.q.trim() ? { q: form.values.q.trim() } : {})}
        busy={false}
        submit="Search"
      >
        <TextField label="Mediator’s name" type="search" {...form.bind('q')} />
      </SendForm>
      <p className="muted">
        Profiles shown in the public directory. A profile its mediator hid is reached from the training
        records to check.
      </p>
      {results.isPending ? <Loading what="Looking for mediators" /> : null}
      {results.isError ? <Alert tone="error">{errorMessage(results.error)}</Alert> : null}
      {first ? (
        <section aria-labelledby="found">
          <h2 id="found">
            {first.total === 1 ? 'One mediator' : `${first.total} mediators`}
            {q ? ` for “${q}”` : ''}
          </h2>
          <ul className="district-list">
            {first.results.map((m) => (
              <Entry
                key={m.id}
                name={m.name}
                after={m.practiceName ? ` · ${m.practiceName}` : ''}
                action={
                  <Link to={`/association/staff/mediators/${m.id}`}>
                    Edit<span className="visually-hidden"> {m.name}’s profile</span>
                  </Link>
                }
              >
                <span className="muted">
                  {m.rosters.length
                    ? m.rosters.map((r) => ROSTER_SHORT[r] ?? r).join(', ')
                    : 'No court list yet'}
                </span>
              </Entry>
            ))}
          </ul>
          {first.total > first.results.length ? (
            <p className="muted">
              Showing the first {first.results.length}: search by name to narrow the list.
            </p>
          ) : null}
        </section>
      ) : null}
    </StaffShell>
  );
}

/** /association/staff/mediators/:profileId: staff edit a profile and record federal court panels. */
export function StaffProfilePage() {
  const { profileId = '' } = useParams();
  const view = useStaffProfile(profileId);
  const counties = useCounties();
  const after = [directoryKeys.staffProfile(profileId), directoryKeys.mediator(profileId), directoryKeys.all];
  const save = useChange(
    (body: ProfileBody) => call(directoryReview.saveProfileAsStaff, { params: { profileId }, body }),
    { invalidates: after },
  );
  const p = view.data?.profile;
  const can = view.data?.can;
  return (
    <StaffShell
      title={p ? `${p.displayName}’s profile` : 'A mediator’s profile'}
      lead="What you change here is public as soon as it is saved, and kept in the audit trail with your name."
    >
      {view.isPending || counties.isPending ? <Loading what="Loading the profile" /> : null}
      {view.isError ? <Alert tone="error">{errorMessage(view.error)}</Alert> : null}
      {p && counties.data ? (
        <>
          <p>
            <Link to={`/mediators/${p.id}`}>See the public profile</Link> ·{' '}
            <Link to="/association/staff/mediators">All mediators’ profiles</Link> ·{' '}
            <Link to="/directory/review">Training records to check</Link>
          </p>
          {can?.recordFederalPanels ? (
            <FederalPanelsForm
              profileId={p.id}
              panels={{ eastern: p.federalEasternDistrict, western: p.federalWesternDistrict }}
            />
          ) : null}
          <section aria-labelledby="lists">
            <h2 id="lists">Court and program lists</h2>
            <EligibilityList lines={p.eligibility} missing="Missing:" />
          </section>
          <section aria-labelledby="edit-profile">
            <h2 id="edit-profile">The profile</h2>
            <ProfileForm key={p.id} profile={p} counties={counties.data} own={false} save={save} />
          </section>
        </>
      ) : null}
    </StaffShell>
  );
}

/** The federal district courts with mediation panels, each a checkbox. */
const PANELS = [
  { key: 'eastern', label: 'Eastern District of Missouri' },
  { key: 'western', label: 'Western District of Missouri' },
] as const;

/** The federal district courts' mediation panels, as the courts publish them: staff record them. */
function FederalPanelsForm({ profileId, panels }: { profileId: string; panels: FederalPanels }) {
  const [listed, setListed] = useState(panels);
  const record = useChange(
    () => call(directoryReview.setFederalPanels, { params: { profileId }, body: listed }),
    {
      invalidates: [
        directoryKeys.staffProfile(profileId),
        directoryKeys.mediator(profileId),
        directoryKeys.all,
      ],
      success: 'Saved the federal panels. The public profile shows them now.',
    },
  );
  return (
    <section aria-labelledby="federal-panels">
      <h2 id="federal-panels">Federal court panels</h2>
      <p>Record a panel once the court lists the mediator on it.</p>
      <ChangeStatus of={record} />
      <ChangeForm change={record} busyLabel="Saving…" submit="Save the panels">
        {PANELS.map((panel) => (
          <Checkbox
            key={panel.key}
            label={panel.label}
            checked={listed[panel.key]}
            onChange={(on) => setListed({ ...listed, [panel.key]: on })}
            error={record.field(panel.key)}
          />
        ))}
      </ChangeForm>
    </section>
  );
}
