import { Link } from 'react-router';
import { JobsSection } from './JobsSection.tsx';
import { FormsLibrary, Newsletter } from './StaffContent.tsx';
import { StaffEventList } from './StaffEventList.tsx';
import { StaffEvents } from './StaffEvents.tsx';
import { StaffFormList } from './StaffFormList.tsx';
import { StaffJobPostings } from './StaffJobPostings.tsx';
import { StaffPayments } from './StaffPayments.tsx';
import { StaffShell } from './StaffShell.tsx';
import { StaffSignUps } from './StaffSignUps.tsx';

/** /association/staff/dues: who is waiting for dues, recording a payment, the latest payments. */
export function StaffDuesPage() {
  return (
    <StaffShell
      title="Renewals and dues"
      lead="Memberships waiting for dues, payments by check or card, and receipts."
    >
      <StaffPayments />
    </StaffShell>
  );
}

/** /association/staff/events: trainings and events, registrations and attendance. */
export function StaffEventsPage() {
  return (
    <StaffShell
      title="Events and trainings"
      lead="Add trainings and events, see who registered, and take attendance. Find, filter and export every event below."
    >
      <StaffEvents />
      <StaffEventList />
    </StaffShell>
  );
}

/** /association/staff/newsletter: The Communicator's drafts and issues. */
export function StaffNewsletterPage() {
  return (
    <StaffShell
      title="The Communicator"
      lead={
        <>
          Draft an issue, then publish it: it goes to the <Link to="/newsletter">public archive</Link> and by
          e-mail to members and confirmed sign-ups. Find, filter and export the sign-ups below.
        </>
      }
    >
      <Newsletter />
      <StaffSignUps />
    </StaffShell>
  );
}

/** /association/staff/jobs: the openings on the jobs board. */
export function StaffJobsPage() {
  return (
    <StaffShell
      title="Jobs board"
      lead={
        <>
          The openings on the <Link to="/jobs">public jobs board</Link>. Staff may take any of them down, and
          find, filter and export every listing, ended and taken down ones too.
        </>
      }
    >
      <JobsSection />
      <StaffJobPostings />
    </StaffShell>
  );
}

/** /association/staff/forms: the members' forms library. */
export function StaffFormsPage() {
  return (
    <StaffShell
      title="Forms library"
      lead="The forms members download. A new version replaces the one they get."
    >
      <FormsLibrary />
      <StaffFormList />
    </StaffShell>
  );
}
