import { Link } from 'react-router';
import * as directoryProfiles from '../../../contracts/directory-profiles.ts';
import * as directoryReview from '../../../contracts/directory-review.ts';
import { useChange } from '../../api/change.ts';
import { call, errorMessage, href } from '../../api/client.ts';
import { directoryKeys, useReviewQueue } from '../../api/directory.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { ChangeStatus } from '../../components/ChangeStatus.tsx';
import { Loading } from '../../components/Loading.tsx';
import { Page } from '../../components/Page.tsx';
import { CertificateLink } from './TrainingRecord.tsx';
import './directory.css';
import { courseKindLabel } from './labels.ts';

type Check = { what: 'course'; courseId: string } | { what: 'credentials' | 'affidavit'; profileId: string };

function send(check: Check) {
  if (check.what === 'course')
    return call(directoryReview.verifyCourse, { params: { courseId: check.courseId } });
  const route =
    check.what === 'credentials' ? directoryReview.verifyCredentials : directoryReview.verifyAffidavit;
  return call(route, { params: { profileId: check.profileId } });
}

/** /directory/review: association staff and program coordinators check courses, degrees and affidavits. */
export function ReviewPage() {
  const queue = useReviewQueue();
  const act = useChange(send, {
    invalidates: [directoryKeys.review()],
    success: 'Marked as checked. It now counts toward the court lists.',
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
                    <CertificateLink fileId={c.certificateFileId} />
                  ) : (
                    ' · no certificate'
                  )}
                </p>
                {c.can.verify ? (
                  <Button onClick={() => act.run({ what: 'course', courseId: c.id })} busy={act.busy}>
                    Mark as verified
                  </Button>
                ) : null}
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
                  {p.can.edit ? (
                    <>
                      {' '}
                      · <Link to={`/association/staff/mediators/${p.id}`}>Edit the profile</Link>
                    </>
                  ) : null}
                </p>
                {p.credentialsPending && !p.can.verifyCredentials ? (
                  <p className="muted">A degree or bar admission is waiting for association staff.</p>
                ) : null}
                <div className="form-actions">
                  {p.can.verifyCredentials ? (
                    <Button onClick={() => act.run({ what: 'credentials', profileId: p.id })}>
                      Degree or bar admission checked
                    </Button>
                  ) : null}
                  {p.affidavitFileId && p.affidavitPending ? (
                    <a href={href(directoryProfiles.getDocument, { fileId: p.affidavitFileId })}>
                      Read the affidavit
                    </a>
                  ) : null}
                  {p.can.verifyAffidavit ? (
                    <Button onClick={() => act.run({ what: 'affidavit', profileId: p.id })}>
                      Affidavit checked
                    </Button>
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
