import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useChange } from '../../api/change.ts';
import { api, errorMessage } from '../../api/client.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { ChangeStatus } from '../../components/ChangeStatus.tsx';
import { Loading } from '../../components/Loading.tsx';
import { Page } from '../../components/Page.tsx';
import './directory.css';
import { courseKindLabel } from './labels.ts';
import type { ReviewQueue } from './types.ts';

const key = ['directory', 'review'] as const;

/** /directory/review: association staff and program coordinators check courses, degrees and affidavits. */
export function ReviewPage() {
  const client = useQueryClient();
  const queue = useQuery({ queryKey: key, queryFn: () => api.get<ReviewQueue>('/api/v1/directory/review') });
  const act = useChange((path: string) => api.post(path), {
    onSuccess: () => client.invalidateQueries({ queryKey: key }),
  });
  return (
    <Page
      title="Training records to check"
      lead="A course counts toward a court list once someone has checked its certificate. Degrees and bar admissions are checked by association staff."
      wide
    >
      {queue.isPending ? <Loading what="Loading what is waiting" /> : null}
      {queue.isError ? <Alert tone="error">{errorMessage(queue.error)}</Alert> : null}
      <ChangeStatus of={act} />
      {queue.data ? (
        <>
          <h2>Courses</h2>
          {queue.data.courses.length === 0 ? <p>No course is waiting.</p> : null}
          <ul className="directory-results">
            {queue.data.courses.map((c) => (
              <li key={c.id} className="card">
                <p>
                  <Link to={`/mediators/${c.profileId}`}>{c.mediator}</Link>: {courseKindLabel(c.kind)},{' '}
                  {c.hours} hours, {c.provider}, {c.date}
                  {c.certificateFileId ? (
                    <>
                      {' '}
                      · <a href={`/api/v1/directory/documents/${c.certificateFileId}`}>certificate</a>
                    </>
                  ) : (
                    ' · no certificate'
                  )}
                </p>
                <Button onClick={() => act.run(`/api/v1/directory/courses/${c.id}/verify`)} busy={act.busy}>
                  Mark as verified
                </Button>
              </li>
            ))}
          </ul>
          <h2>Degrees, bar admissions and affidavits</h2>
          {queue.data.profiles.length === 0 ? <p>Nothing is waiting.</p> : null}
          <ul className="directory-results">
            {queue.data.profiles.map((p) => (
              <li key={p.id} className="card">
                <p>
                  <Link to={`/mediators/${p.id}`}>{p.mediator}</Link>
                </p>
                <div className="form-actions">
                  {p.credentialsPending ? (
                    <Button onClick={() => act.run(`/api/v1/directory/profiles/${p.id}/credentials/verify`)}>
                      Degree or bar admission checked
                    </Button>
                  ) : null}
                  {p.affidavitPending ? (
                    <>
                      <a href={`/api/v1/directory/documents/${p.affidavitFileId}`}>Read the affidavit</a>
                      <Button onClick={() => act.run(`/api/v1/directory/profiles/${p.id}/affidavit/verify`)}>
                        Affidavit checked
                      </Button>
                    </>
                  ) : null}
                </div>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </Page>
  );
}
