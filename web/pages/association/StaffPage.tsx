import { Link } from 'react-router';
import { useSession } from '../../api/accounts.ts';
import { useMyMembership } from '../../api/membership.ts';
import { Loading } from '../../components/Loading.tsx';
import { Page } from '../../components/Page.tsx';
import { StaffContent } from './StaffContent.tsx';
import { StaffEvents } from './StaffEvents.tsx';
import { StaffPayments } from './StaffPayments.tsx';
import './association.css';

/** /association/staff: memberships and payments, trainings and attendance, forms and the newsletter. */
export function StaffPage() {
  const session = useSession();
  const signedIn = Boolean(session.data?.user);
  const mine = useMyMembership(signedIn);
  if (session.isPending || (signedIn && mine.isPending)) return <Loading />;
  if (!mine.data?.can.manageAssociation) {
    return (
      <Page title="Association staff">
        <p>
          This page is for association staff. <Link to="/association">Back to the association</Link>.
        </p>
      </Page>
    );
  }
  return (
    <Page
      title="Association staff"
      lead="Record payments, run trainings, take attendance, and publish forms and The Communicator."
      wide
    >
      <StaffPayments />
      <StaffEvents />
      <StaffContent />
    </Page>
  );
}
