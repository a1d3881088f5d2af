import { Link } from 'react-router';
import { STAFF_PAGES, StaffShell } from './StaffShell.tsx';

/** /association/staff: the staff desk, a page for each job. */
export function StaffPage() {
  return (
    <StaffShell
      title="Association staff"
      lead="Run the association: members, dues, trainings, the newsletter, jobs and forms."
    >
      <ul className="cards">
        {STAFF_PAGES.map((p) => (
          <li key={p.to} className="card">
            <h2>
              <Link to={p.to}>{p.label}</Link>
            </h2>
            <p>{p.about}</p>
          </li>
        ))}
      </ul>
    </StaffShell>
  );
}
