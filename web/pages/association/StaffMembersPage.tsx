import { Link } from 'react-router';
import { downloadMembers, type MembersQuery } from '../../../contracts/membership-members.ts';
import { MEMBERSHIP_STATUS_LABELS, MEMBERSHIP_STATUSES } from '../../../domain/membership.ts';
import { formatMissouriDate } from '../../../domain/missouri-time.ts';
import { href } from '../../api/client.ts';
import { useMembers } from '../../api/membership.ts';
import { ListChoice, ListFilterForm, ListSearch } from '../../components/ListFilterForm.tsx';
import { FoundRows, filterError, useListParams } from './StaffList.tsx';
import { StaffShell } from './StaffShell.tsx';
import { money } from './shared.tsx';

const FILTERS = ['q', 'status', 'tierId', 'owing'] as const;

/** /association/staff/members: find a member by name or e-mail, filter, page through, export. */
export function StaffMembersPage() {
  const list = useListParams(FILTERS);
  const members = useMembers(list.query as MembersQuery);
  const error = filterError(members.error);
  const tiers = (members.data?.tiers ?? []).map((t) => [t.id, t.name] as const);
  return (
    <StaffShell
      title="Members"
      lead="Find a member by name or e-mail address, open their record, or export the list."
    >
      <ListFilterForm label="Find members" list={list} error={error}>
        {(field) => (
          <>
            <ListSearch label="Search" hint="Part of a name or e-mail address." {...field('q')} />
            <ListChoice
              label="State"
              choices={MEMBERSHIP_STATUSES.map((s) => [s, MEMBERSHIP_STATUS_LABELS[s]] as const)}
              {...field('status')}
            />
            <ListChoice label="Tier" choices={tiers} {...field('tierId')} />
            <ListChoice
              label="Dues"
              any="Owed or not"
              choices={[['true', 'Waiting for dues']]}
              {...field('owing')}
            />
          </>
        )}
      </ListFilterForm>
      <FoundRows
        what="members"
        csv={href(downloadMembers, undefined, list.filters as MembersQuery)}
        download="Download this list (CSV)"
        list={list}
        result={members}
        columns={['Member', 'Tier', 'State', 'Paid until', 'Dues owed']}
        rowKey={(r) => r.userId}
        row={(r) => (
          <>
            <td>
              <Link to={`/association/staff/members/${r.userId}`}>{r.name}</Link>
              <br />
              <span className="muted">{r.email}</span>
            </td>
            <td>{r.tierName}</td>
            <td>
              {r.statusLabel}
              {r.status === 'grace' && r.graceEndsAt
                ? `: benefits stop on ${formatMissouriDate(r.graceEndsAt)}`
                : ''}
            </td>
            <td className="nowrap">
              {r.expiresAt
                ? `${r.status === 'active' ? '' : 'Ended '}${formatMissouriDate(r.expiresAt)}`
                : 'Not yet paid'}
            </td>
            <td>
              {r.openInvoice
                ? `${money(r.openInvoice.amountCents)} (invoice ${r.openInvoice.number})`
                : 'None'}
            </td>
          </>
        )}
      />
    </StaffShell>
  );
}
