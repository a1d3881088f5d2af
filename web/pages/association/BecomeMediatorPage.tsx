import { Link } from 'react-router';
import type { PathStep } from '../../../contracts/membership-progress.ts';
import * as membershipProgress from '../../../contracts/membership-progress.ts';
import { useSession } from '../../api/accounts.ts';
import { useChange } from '../../api/change.ts';
import { call } from '../../api/client.ts';
import { membershipKeys, usePath } from '../../api/membership.ts';
import { ChangeStatus } from '../../components/ChangeStatus.tsx';
import { Page } from '../../components/Page.tsx';
import './association.css';
import { AssociationLinks } from './shared.tsx';

const STEP_TITLES: Record<PathStep['step'], string> = {
  'core-training': 'Take core mediation training',
  'rule-17-list': 'Apply to the Rule 17 list',
  'observe-co-mediate': 'Observe and co-mediate',
  'case-a-month': 'Handle at least one case a month',
  'continuing-education': 'Keep learning every year',
};

/** /become-a-mediator: the path, and a personal checklist for a signed-in person. */
export function BecomeMediatorPage() {
  const session = useSession();
  const signedIn = Boolean(session.data?.user);
  const path = usePath(signedIn);
  const tick = useChange(
    ({ step, done }: Pick<PathStep, 'step' | 'done'>) =>
      call(membershipProgress.tickStep, { params: { step }, body: { done } }),
    {
      invalidates: [membershipKeys.path()],
      success: (_, step) => (step.done ? 'Saved: marked as done.' : 'Saved: marked as not done yet.'),
    },
  );

  return (
    <Page
      title="Become a mediator in Missouri"
      lead="People of every background become mediators. Missouri does not license or certify mediators, so no one can be a 'certified mediator' here."
    >
      <section className="panel" aria-labelledby="steps">
        <h2 id="steps">The usual path</h2>
        <ol className="steps">
          <li>
            <strong>Core training.</strong> Courts ask for at least 16 hours of mediation training for civil
            cases (Rule 17) and 20 hours of child-custody training for family cases (Rule 88.05). Family
            courses often run 40 hours. See <Link to="/trainings">trainings and events</Link>.
          </li>
          <li>
            <strong>The Rule 17 list.</strong> The Missouri Bar keeps the list of mediators courts can use.
            Ask The Missouri Bar for the form. Being on the list is free.
          </li>
          <li>
            <strong>Get experience.</strong> Court programs and community centers invite newly trained
            mediators to watch and co-mediate, for example small claims and landlord–tenant cases.
          </li>
          <li>
            <strong>Keep your skills.</strong> Try to handle at least one case a month.
          </li>
          <li>
            <strong>Keep learning.</strong> Take continuing education every year: webinars, the annual
            conference and regional conferences.
          </li>
        </ol>
      </section>

      <section className="panel" aria-labelledby="checklist">
        <h2 id="checklist">Your checklist</h2>
        {!signedIn ? (
          <p>
            <Link to="/sign-in">Sign in</Link> to keep your own checklist. Parley checks off the steps it can
            see, like your training hours.
          </p>
        ) : null}
        <ChangeStatus of={tick} />
        {path.data ? (
          <ul className="checks">
            {path.data.map((s) => (
              <li key={s.step}>
                {s.selfTickable ? (
                  <label>
                    <input
                      type="checkbox"
                      checked={s.done}
                      disabled={tick.busy}
                      onChange={(ev) => tick.run({ step: s.step, done: ev.target.checked })}
                    />{' '}
                    <strong>{STEP_TITLES[s.step]}</strong>
                  </label>
                ) : (
                  <strong>
                    <span aria-hidden="true">{s.done ? '✓ ' : '○ '}</span>
                    {STEP_TITLES[s.step]}
                    <span className="visually-hidden">{s.done ? ' (done)' : ' (not yet)'}</span>
                  </strong>
                )}
                <p className="muted">
                  {s.detail}
                  {s.tickedBy === 'parley' ? ' Parley checked this off from your record.' : ''}
                </p>
              </li>
            ))}
          </ul>
        ) : null}
      </section>
      <p>
        Read the <Link to="/standards-of-conduct">Standards of Conduct</Link> every mediator follows, and{' '}
        <Link to="/association">join the association</Link>.
      </p>
      <AssociationLinks />
    </Page>
  );
}
