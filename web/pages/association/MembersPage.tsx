import { Link } from 'react-router';
import * as events from '../../../contracts/events.ts';
import * as library from '../../../contracts/library.ts';
import * as newsletter from '../../../contracts/newsletter.ts';
import { COURSE_KIND_LABELS } from '../../../domain/eligibility.ts';
import { formatMissouriDate } from '../../../domain/missouri-time.ts';
import { useSession } from '../../api/accounts.ts';
import { useChange } from '../../api/change.ts';
import { call, errorMessage, href } from '../../api/client.ts';
import { useOwnProfile } from '../../api/directory.ts';
import { useMyRegistrations } from '../../api/events.ts';
import { useForms } from '../../api/library.ts';
import { useContinuingEducation, useMyMembership } from '../../api/membership.ts';
import { newsletterKeys, useNewsletterIssues, useNewsletterSubscription } from '../../api/newsletter.ts';
import { Alert } from '../../components/Alert.tsx';
import { ChangeStatus } from '../../components/ChangeStatus.tsx';
import { Checkbox } from '../../components/Field.tsx';
import { Loading } from '../../components/Loading.tsx';
import { Page } from '../../components/Page.tsx';
import { JobsSection } from './JobsSection.tsx';
import { STATUS_LABELS } from './shared.tsx';
import './association.css';

/** /members: members in good standing only — continuing education, forms, newsletter, jobs. */
export function MembersPage() {
  const session = useSession();
  const signedIn = Boolean(session.data?.user);
  const mine = useMyMembership(signedIn);
  const member = Boolean(mine.data?.can.useMembersPage);
  const ce = useContinuingEducation(member);
  const forms = useForms(member);
  const issues = useNewsletterIssues(member);
  const regs = useMyRegistrations(member);
  const sub = useNewsletterSubscription(member);
  const profile = useOwnProfile(member);
  const subscribe = useChange(
    (subscribed: boolean) => call(newsletter.setSubscription, { body: { subscribed } }),
    {
      invalidates: [newsletterKeys.subscription()],
      success: (_, subscribed) =>
        subscribed ? 'You will get the newsletter by e-mail.' : 'You will no longer get the newsletter.',
    },
  );

  if (session.isPending || (signedIn && mine.isPending)) return <Loading />;
  if (!member) {
    return (
      <Page
        title="Members only"
        lead="This page is for members of the Association of Missouri Mediators in good standing."
      >
        <p>
          {session.data?.user ? 'Your membership is not active.' : 'Please sign in.'}{' '}
          <Link to="/association">Join or renew</Link>.
        </p>
      </Page>
    );
  }
  const rule17 = profile.data?.profile?.eligibility.find((e) => e.roster === 'rule17');

  return (
    <Page
      title="Members only"
      lead="Your continuing education, the forms library, The Communicator and job listings."
    >
      <section className="panel" aria-labelledby="ce-title">
        <h2 id="ce-title">Continuing education {ce.data ? `in ${ce.data.year}` : ''}</h2>
        {ce.isError ? <Alert tone="error">{errorMessage(ce.error)}</Alert> : null}
        {ce.data ? (
          <>
            <p data-testid="ce-summary">
              You have {ce.data.earnedHours} hours this year. The yearly goal is {ce.data.expectedHours}{' '}
              hours. {ce.data.remainingHours > 0 ? `${ce.data.remainingHours} hours to go.` : 'You met it.'}
            </p>
            <ul>
              {ce.data.byKind
                .filter((k) => k.hours > 0)
                .map((k) => (
                  <li key={k.kind}>
                    {COURSE_KIND_LABELS[k.kind]}: {k.hours} hours
                  </li>
                ))}
            </ul>
          </>
        ) : null}
        {rule17 ? (
          <p data-testid="rule17">
            Your directory profile: {rule17.met ? rule17.metText : `${rule17.label}: not met yet.`}
          </p>
        ) : null}
        <p className="muted">Hours count once the association or a program coordinator has checked them.</p>
      </section>

      <section className="panel" aria-labelledby="regs-title">
        <h2 id="regs-title">Your trainings</h2>
        {regs.data?.length === 0 ? (
          <p>
            You have not registered for a training yet. <Link to="/trainings">See trainings</Link>.
          </p>
        ) : null}
        <ul className="link-list">
          {regs.data?.map((r) => (
            <li key={r.id}>
              <Link to={`/trainings/${r.eventId}`}>{r.title}</Link>, {formatMissouriDate(r.startsAt)}:{' '}
              {STATUS_LABELS[r.status] ?? r.status}
              {r.hasCertificate ? (
                <>
                  {' '}
                  ·{' '}
                  <a href={href(events.getCertificate, { registrationId: r.id })}>
                    Certificate of attendance for {r.title} (PDF)
                  </a>
                </>
              ) : null}
            </li>
          ))}
        </ul>
      </section>

      <section className="panel" aria-labelledby="forms-title">
        <h2 id="forms-title">Forms library</h2>
        {forms.data?.length === 0 ? <p>No forms yet.</p> : null}
        <ul className="link-list">
          {forms.data?.map((f) => (
            <li key={f.id}>
              <a href={href(library.downloadForm, { formId: f.id })}>
                {f.title} (version {f.version})
              </a>{' '}
              <span className="muted">
                {f.category}. {f.description} {f.versionNotes}
              </span>
            </li>
          ))}
        </ul>
      </section>

      <section className="panel" aria-labelledby="news-title">
        <h2 id="news-title">The Communicator</h2>
        <ChangeStatus of={subscribe} />
        {sub.data ? (
          <Checkbox
            label="Send me each issue by e-mail"
            checked={sub.data.subscribed}
            onChange={(subscribed) => subscribe.run(subscribed)}
          />
        ) : null}
        {issues.data
          ?.filter((i) => i.status === 'published')
          .map((i) => (
            <details key={i.id}>
              <summary>
                {i.issueLabel}: {i.title}
              </summary>
              {i.summary ? <p>{i.summary}</p> : null}
              <p className="assoc-issue">{i.body}</p>
            </details>
          ))}
      </section>

      <JobsSection />
    </Page>
  );
}
