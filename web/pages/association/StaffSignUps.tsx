import * as newsletter from '../../../contracts/newsletter.ts';
import { formatMissouriDate } from '../../../domain/missouri-time.ts';
import { href } from '../../api/client.ts';
import { useSignUps } from '../../api/newsletter.ts';
import { Loading } from '../../components/Loading.tsx';
import { ErrorAlert } from '../mediation/shared.tsx';
import { CsvLink, ListPages, ListTable, SearchChoiceDates, useStaffList } from './StaffList.tsx';

const FILTERS = ['q', 'status', 'from', 'to'] as const;

/** Sign-ups from the public newsletter page: searched by address, by state and day, paged, as CSV. */
export function StaffSignUps() {
  const { list, result: signUps, error } = useStaffList(FILTERS, useSignUps);
  const day = (at: string | null) => (at ? formatMissouriDate(at) : '');
  return (
    <section className="panel" aria-labelledby="sign-ups-title">
      <h2 id="sign-ups-title">Sign-ups from the public page</h2>
      <p>Addresses waiting to confirm are removed once their link expires, a week after it was sent.</p>
      <SearchChoiceDates
        list={list}
        error={error}
        what="sign-ups"
        search={{ label: 'Search sign-ups', hint: 'Part of an e-mail address.' }}
        choices={[
          {
            key: 'status',
            label: 'State',
            values: newsletter.SIGN_UP_STATUSES.map((s) => [s, newsletter.SIGN_UP_STATUS_LABELS[s]] as const),
          },
        ]}
        days="Signed up"
      />
      <CsvLink href={href(newsletter.downloadSignUps, undefined, list.filters as newsletter.SignUpsQuery)}>
        Download these sign-ups (CSV)
      </CsvLink>
      {signUps.isPending ? <Loading what="Loading sign-ups" /> : null}
      <ErrorAlert error={signUps.error} />
      {signUps.data?.rows.length === 0 ? <p>No sign-ups match.</p> : null}
      {signUps.data?.rows.length ? (
        <ListTable label="Sign-ups found">
          <thead>
            <tr>
              <th scope="col">E-mail</th>
              <th scope="col">State</th>
              <th scope="col">Signed up</th>
              <th scope="col">Confirmed</th>
              <th scope="col">Unsubscribed</th>
            </tr>
          </thead>
          <tbody>
            {signUps.data.rows.map((r) => (
              <tr key={r.id}>
                <td>{r.email}</td>
                <td>{r.statusLabel}</td>
                <td className="nowrap">{day(r.signedUpAt)}</td>
                <td className="nowrap">{day(r.confirmedAt)}</td>
                <td className="nowrap">{day(r.unsubscribedAt)}</td>
              </tr>
            ))}
          </tbody>
        </ListTable>
      ) : null}
      <ListPages previous={list.previous} next={signUps.data?.next} onNext={list.next} />
    </section>
  );
}
