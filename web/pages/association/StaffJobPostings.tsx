import * as jobs from '../../../contracts/jobs-board.ts';
import { formatMissouriDate } from '../../../domain/missouri-time.ts';
import { href } from '../../api/client.ts';
import { useJobPostings } from '../../api/jobs-board.ts';
import { labelled, StaffListPanel } from './StaffList.tsx';

const FILTERS = ['q', 'state', 'from', 'to'] as const;

/** Every listing (open, ended, taken down): searched, by state and day posted, paged, as CSV. Open ones are taken down in the list above. */
export function StaffJobPostings() {
  return (
    <StaffListPanel
      id="postings-title"
      title="Every listing"
      filters={FILTERS}
      read={useJobPostings}
      what="listings"
      search={{ label: 'Search listings', hint: 'Part of the title, organization or place.' }}
      choices={[{ key: 'state', label: 'State', values: labelled(jobs.JOB_STATES, jobs.JOB_STATE_LABELS) }]}
      days="Posted"
      csv={(filters) => href(jobs.downloadJobPostings, undefined, filters as jobs.JobPostingsQuery)}
      columns={['Opening', 'State', 'Posted', 'Ends', 'Posted by']}
      row={(r) => (
        <>
          <td>
            {r.title}
            <br />
            <span className="muted">
              {r.organization}, {r.location}
            </span>
          </td>
          <td>{r.stateLabel}</td>
          <td className="nowrap">{formatMissouriDate(r.postedAt)}</td>
          <td className="nowrap">{formatMissouriDate(r.expiresOn)}</td>
          <td>{r.postedBy}</td>
        </>
      )}
    />
  );
}
