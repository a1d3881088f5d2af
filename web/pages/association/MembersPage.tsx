import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { COURSE_KIND_LABELS, type CourseKind } from '../../../domain/eligibility.ts';
import { formatMissouriDate } from '../../../domain/missouri-time.ts';
import { rolesOf, useSession } from '../../api/accounts.ts';
import { useChange } from '../../api/change.ts';
import { api, errorMessage } from '../../api/client.ts';
import { Alert } from '../../components/Alert.tsx';
import { ChangeStatus } from '../../components/ChangeStatus.tsx';
import { Loading } from '../../components/Loading.tsx';
import { Page } from '../../components/Page.tsx';
import { JobsSection } from './JobsSection.tsx';
import { STATUS_LABELS } from './shared.tsx';
import './association.css';

type Ce = {
  year: number;
  expectedHours: number;
  earnedHours: number;
  remainingHours: number;
  byKind: { kind: CourseKind; hours: number }[];
};
type Form = {
  id: string;
  title: string;
  category: string;
  description: string;
  version: number;
  versionNotes: string;
  filename: string | null;
};
type Issue = {
  id: string;
  title: string;
  issueLabel: string;
  summary: string;
  body: string;
  publishedAt: string | null;
  status: string;
};
type MyReg = {
  id: string;
  eventId: string;
  title: string;
  startsAt: string;
  status: string;
  hasCertificate: boolean;
};
type Eligibility = {
  roster: string;
  met: boolean;
  metText: string;
  label: string;
  missing: { text?: string }[];
};

/** /members: members in good standing only — continuing education, forms, newsletter, jobs. */
export function MembersPage() {
  const session = useSession();
  const roles = rolesOf(session.data);
  const member = roles.has('member') || roles.has('staff') || roles.has('admin');
  const ce = useQuery({
    queryKey: ['ce'],
    queryFn: () => api.get<Ce>('/api/v1/association/continuing-education'),
    enabled: member,
  });
  const forms = useQuery({
    queryKey: ['forms'],
    queryFn: () => api.get<Form[]>('/api/v1/association/forms'),
    enabled: member,
  });
  const issues = useQuery({
    queryKey: ['newsletter'],
    queryFn: () => api.get<Issue[]>('/api/v1/association/newsletter'),
    enabled: member,
  });
  const regs = useQuery({
    queryKey: ['my-registrations'],
    queryFn: () => api.get<MyReg[]>('/api/v1/association/registrations'),
    enabled: member,
  });
  const sub = useQuery({
    queryKey: ['newsletter-sub'],
    queryFn: () => api.get<{ subscribed: boolean }>('/api/v1/association/newsletter-subscription'),
    enabled: member,
  });
  const profile = useQuery({
    queryKey: ['directory-me'],
    queryFn: () =>
      api.get<{ profile: { id: string; published: boolean; eligibility: Eligibility[] } | null }>(
        '/api/v1/directory/me',
      ),
    enabled: member,
    retry: false,
  });
  const subscribe = useChange(
    (subscribed: boolean) => api.put('/api/v1/association/newsletter-subscription', { subscribed }),
    { invalidates: [['newsletter-sub']] },
  );

  if (session.isPending) return <Loading />;
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
                  <a href={`/api/v1/association/registrations/${r.id}/certificate`}>
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
              <a href={`/api/v1/association/forms/${f.id}/download`}>
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
          <label>
            <input
              type="checkbox"
              checked={sub.data.subscribed}
              disabled={subscribe.busy}
              onChange={(ev) => subscribe.run(ev.target.checked)}
            />{' '}
            Send me each issue by e-mail
          </label>
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
