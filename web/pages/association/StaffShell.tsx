import type { ReactNode } from 'react';
import { Link, NavLink } from 'react-router';
import { useSession } from '../../api/accounts.ts';
import { useMyMembership } from '../../api/membership.ts';
import { Loading } from '../../components/Loading.tsx';
import { Page } from '../../components/Page.tsx';
import './association.css';

/** The staff desk's pages, one for each job. */
export const STAFF_PAGES = [
  {
    to: '/association/staff/members',
    label: 'Members',
    about: 'Find a member, open their record, export the list.',
  },
  {
    to: '/association/staff/mediators',
    label: 'Mediators’ profiles',
    about: 'Edit a mediator’s directory profile; record the federal courts’ panels.',
  },
  {
    to: '/association/staff/dues',
    label: 'Renewals and dues',
    about: 'Who is waiting for dues, record a payment by check, the latest payments.',
  },
  {
    to: '/association/staff/events',
    label: 'Events and trainings',
    about:
      'Add trainings and events, see who registered, take attendance day by day; find and export every event.',
  },
  {
    to: '/association/staff/newsletter',
    label: 'The Communicator',
    about: 'Draft, publish and mail an issue; find and export the sign-ups.',
  },
  {
    to: '/association/staff/jobs',
    label: 'Jobs board',
    about: 'The openings on the public jobs board; take one down; find and export every listing.',
  },
  { to: '/association/staff/forms', label: 'Forms library', about: 'Add a form or a new version of one.' },
] as const;

/** A staff page: only for association staff, with the desk's pages linked above its content. */
export function StaffShell({
  title,
  lead,
  children,
}: {
  title: string;
  lead?: ReactNode;
  children: ReactNode;
}) {
  const session = useSession();
  const signedIn = Boolean(session.data?.user);
  const mine = useMyMembership(signedIn);
  if (session.isPending || (signedIn && mine.isPending)) return <Loading />;
  if (!mine.data?.can.manageAssociation) {
    return (
      <Page title={title}>
        <p>
          This page is for association staff. <Link to="/association">Back to the association</Link>.
        </p>
      </Page>
    );
  }
  return (
    <Page title={title} lead={lead} wide>
      <nav className="staff-nav" aria-label="Staff desk">
        <ul>
          <li>
            <NavLink to="/association/staff" end>
              Staff desk
            </NavLink>
          </li>
          {STAFF_PAGES.map((p) => (
            <li key={p.to}>
              <NavLink to={p.to}>{p.label}</NavLink>
            </li>
          ))}
        </ul>
      </nav>
      {children}
    </Page>
  );
}
