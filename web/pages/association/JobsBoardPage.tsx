import { Link } from 'react-router';
import { formatMissouriDate } from '../../../domain/missouri-time.ts';
import { errorMessage } from '../../api/client.ts';
import { usePublicJobs } from '../../api/jobs-board.ts';
import { Alert } from '../../components/Alert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { Page } from '../../components/Page.tsx';
import './association.css';
import { AssociationLinks } from './shared.tsx';

/** /jobs: the public jobs board, the openings members and staff post. */
export function JobsBoardPage() {
  const jobs = usePublicJobs();
  return (
    <Page
      title="Mediation jobs in Missouri"
      lead="Openings for mediators and program staff, posted by members of the Association of Missouri Mediators and by the association."
    >
      {jobs.isPending ? <Loading what="Loading the openings" /> : null}
      {jobs.isError ? <Alert tone="error">{errorMessage(jobs.error)}</Alert> : null}
      {jobs.data?.length === 0 ? <p>No openings right now. Please check back soon.</p> : null}
      <ul className="program-list">
        {jobs.data?.map((j) => (
          <li key={j.id} className="card">
            <h2>{j.title}</h2>
            <p className="tag">
              {j.organization} · {j.location}
            </p>
            <p>{j.description}</p>
            <p>
              <strong>How to apply:</strong> {j.howToApply}
            </p>
            <p>
              Posted {formatMissouriDate(j.postedAt)}; open until {formatMissouriDate(j.expiresOn)}.
            </p>
          </li>
        ))}
      </ul>
      <p>
        Members post openings and get an e-mail when one is posted, on the{' '}
        <Link to="/members">members' page</Link>.
      </p>
      <AssociationLinks />
    </Page>
  );
}
