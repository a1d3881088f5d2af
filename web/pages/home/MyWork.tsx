import { Link } from 'react-router';
import type { HomeCase, NextStep, PendingInvitation } from '../../../contracts/cases.ts';
import { formatMissouriDate } from '../../../domain/missouri-time.ts';
import { useMyHome } from '../../api/cases.ts';
import { errorMessage } from '../../api/client.ts';
import { Alert } from '../../components/Alert.tsx';
import { Loading } from '../../components/Loading.tsx';
import '../cases/cases.css';

/** Who must act, in words a parent reads at a glance. */
const WHO: Record<NonNullable<NextStep['who']>, string> = {
  you: 'Your turn',
  other_side: 'Waiting for the other side',
  mediator: 'Waiting for the mediator',
  program: 'Waiting for the program',
  everyone: 'Everyone',
};

/**
 * A person's work: invitations sent to their address that wait for an answer, then each case
 * they take part in with its stage, what happens next, who acts and by when (the case page's
 * own words). Their home after sign-in, and the top of My cases.
 */
export function MyWork({
  headingLevel = 2,
  quietWhenEmpty = false,
}: {
  headingLevel?: 2 | 3;
  /** Say nothing when there is nothing (My cases for a mediator, whose cases are listed below). */
  quietWhenEmpty?: boolean;
}) {
  const home = useMyHome();
  const H = `h${headingLevel}` as 'h2' | 'h3';
  if (home.isPending) return <Loading what="Loading your cases" />;
  if (home.isError) return <Alert tone="error">{errorMessage(home.error)}</Alert>;
  const { cases, invitations } = home.data;
  if (quietWhenEmpty && cases.length === 0 && invitations.length === 0) return null;
  return (
    <>
      {invitations.length ? (
        <section aria-labelledby="my-invitations">
          <H id="my-invitations">Invitations waiting for your answer</H>
          <ul className="work-list">
            {invitations.map((i) => (
              <InvitationItem key={i.id} invitation={i} />
            ))}
          </ul>
        </section>
      ) : null}
      <section aria-labelledby="my-work-cases">
        <H id="my-work-cases">Cases I take part in</H>
        {cases.length === 0 ? (
          <p>You have no cases yet.</p>
        ) : (
          <ul className="work-list">
            {cases.map((c) => (
              <CaseItem key={c.id} c={c} />
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

function InvitationItem({ invitation: i }: { invitation: PendingInvitation }) {
  return (
    <li className="work-item">
      <p className="work-title">
        <strong>{i.about}</strong>
        {i.programName ? <span className="muted"> · {i.programName}</span> : null}
      </p>
      <p>
        {i.invitedBy ? `${i.invitedBy} asked` : 'You were asked'} on{' '}
        <span className="nowrap">{formatMissouriDate(i.sentAt)}</span>. To answer, open the link in the e-mail
        we sent to {i.sentTo}. It works until{' '}
        <span className="nowrap">{formatMissouriDate(i.expiresAt)}</span>.
      </p>
    </li>
  );
}

/** What happens next, who acts and by when: the same line on the home and on the case page. */
export function NextStepLine({ next: n }: { next: NextStep }) {
  return (
    <p className={n.who === 'you' ? 'work-next work-next-you' : 'work-next'}>
      <strong>{n.who ? WHO[n.who] : 'Next'}: </strong>
      {n.text}
      {n.byShown ? (
        <span className={n.overdue ? 'deadline-overdue' : undefined}>
          {' '}
          {n.overdue ? 'Overdue: it was due by' : 'By'} {n.byShown}.
        </span>
      ) : null}
    </p>
  );
}

function CaseItem({ c }: { c: HomeCase }) {
  const n = c.next;
  return (
    <li className="work-item">
      <p className="work-title">
        <Link to={`/cases/${c.id}`}>
          {c.reference}: {c.title}
        </Link>{' '}
        <span className="state-badge">{c.stage}</span>
        <span className="muted"> · {c.programName}</span>
      </p>
      <NextStepLine next={n} />
      <p className="work-links">
        <Link to={n.page ? `/cases/${c.id}/${n.page}` : `/cases/${c.id}`}>
          {n.who === 'you' ? 'Do it now' : 'Open the case'}
          <span className="visually-hidden"> {c.reference}</span>
        </Link>
        {c.hasPromises && n.page !== 'promises' ? (
          <>
            {' · '}
            <Link to={`/cases/${c.id}/promises`}>Promises of {c.reference}</Link>
          </>
        ) : null}
      </p>
    </li>
  );
}
