import * as newsletter from '../../../contracts/newsletter.ts';
import { formatMissouriDate } from '../../../domain/missouri-time.ts';
import { href } from '../../api/client.ts';
import { useSignUps } from '../../api/newsletter.ts';
import { FoundRows, labelled, SearchChoiceDates, useStaffList } from './StaffList.tsx';

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
            values: labelled(newsletter.SIGN_UP_STATUSES, newsletter.SIGN_UP_STATUS_LABELS),
          },
        ]}
        days="Signed up"
      />
      <FoundRows
        what="sign-ups"
        csv={href(newsletter.downloadSignUps, undefined, list.filters as newsletter.SignUpsQuery)}
        list={list}
        result={signUps}
        columns={['E-mail', 'State', 'Signed up', 'Confirmed', 'Unsubscribed']}
        row={(r) => (
          <>
            <td>{r.email}</td>
            <td>{r.statusLabel}</td>
            <td className="nowrap">{day(r.signedUpAt)}</td>
            <td className="nowrap">{day(r.confirmedAt)}</td>
            <td className="nowrap">{day(r.unsubscribedAt)}</td>
          </>
        )}
      />
    </section>
  );
}
