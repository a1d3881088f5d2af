import * as jobs from '../../../contracts/jobs-board.ts';
import { formatMissouriDate } from '../../../domain/missouri-time.ts';
import { href } from '../../api/client.ts';
import { useJobPostings } from '../../api/jobs-board.ts';
import { FoundRows, labelled, SearchChoiceDates, useStaffList } from './StaffList.tsx';

const FILTERS = ['q', 'state', 'from', 'to'] as const;

/** Every listing (open, ended, taken down): searched, by state and day posted, paged, as CSV. Open ones are taken down in the list above. */
export function StaffJobPostings() {
  const { list, result: postings, error } = useStaffList(FILTERS, useJobPostings);
  return (
    <section className="panel" aria-labelledby="postings-title">
      <h2 id="postings-title">Every listing</h2>
      <SearchChoiceDates
        list={list}
        error={error}
        what="listings"
        search={{ label: 'Search listings', hint: 'Part of the title, organization or place.' }}
        choices={[{ key: 'state', label: 'State', values: labelled(jobs.JOB_STATES, jobs.JOB_STATE_LABELS) }]}
        days="Posted"
      />
      <FoundRows
        what="listings"
        csv={href(jobs.downloadJobPostings, undefined, list.filters as jobs.JobPostingsQuery)}
        list={list}
        result={postings}
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
    </section>
  );
}
