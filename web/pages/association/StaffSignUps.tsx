import * as newsletter from '../../../contracts/newsletter.ts';
import { formatMissouriDate } from '../../../domain/missouri-time.ts';
import { href } from '../../api/client.ts';
import { useSignUps } from '../../api/newsletter.ts';
import { labelled, StaffListPanel } from './StaffList.tsx';

const FILTERS = ['q', 'status', 'from', 'to'] as const;

const day = (at: string | null) => (at ? formatMissouriDate(at) : '');

/** Sign-ups from the public newsletter page: searched by address, by state and day, paged, as CSV. */
export function StaffSignUps() {
  return (
    <StaffListPanel
      id="sign-ups-title"
      title="Sign-ups from the public page"
      filters={FILTERS}
      read={useSignUps}
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
      csv={(filters) => href(newsletter.downloadSignUps, undefined, filters as newsletter.SignUpsQuery)}
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
    >
      <p>Addresses waiting to confirm are removed once their link expires, a week after it was sent.</p>
    </StaffListPanel>
  );
}
