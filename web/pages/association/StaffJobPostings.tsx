import * as jobs from '../../../contracts/jobs-board.ts';
import { formatMissouriDate } from '../../../domain/missouri-time.ts';
import { href } from '../../api/client.ts';
import { useJobPostings } from '../../api/jobs-board.ts';
import { Loading } from '../../components/Loading.tsx';
import { ErrorAlert } from '../mediation/shared.tsx';
import { CsvLink, ListPages, ListTable, SearchChoiceDates, useStaffList } from './StaffList.tsx';

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
        choices={[
          {
            key: 'state',
            label: 'State',
            values: jobs.JOB_STATES.map((s) => [s, jobs.JOB_STATE_LABELS[s]] as const),
          },
        ]}
        days="Posted"
      />
      <CsvLink href={href(jobs.downloadJobPostings, undefined, list.filters as jobs.JobPostingsQuery)}>
        Download these listings (CSV)
      </CsvLink>
      {postings.isPending ? <Loading what="Loading listings" /> : null}
      <ErrorAlert error={postings.error} />
      {postings.data?.rows.length === 0 ? <p>No listings match.</p> : null}
      {postings.data?.rows.length ? (
        <ListTable label="Listings found">
          <thead>
            <tr>
              <th scope="col">Opening</th>
              <th scope="col">State</th>
              <th scope="col">Posted</th>
              <th scope="col">Ends</th>
              <th scope="col">Posted by</th>
            </tr>
          </thead>
          <tbody>
            {postings.data.rows.map((r) => (
              <tr key={r.id}>
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
              </tr>
            ))}
          </tbody>
        </ListTable>
      ) : null}
      <ListPages previous={list.previous} next={postings.data?.next} onNext={list.next} />
    </section>
  );
}
