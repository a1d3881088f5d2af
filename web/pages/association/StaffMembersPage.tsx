import { Link } from 'react-router';
import { downloadMembers, type MembersQuery } from '../../../contracts/membership-members.ts';
import { MEMBERSHIP_STATUS_LABELS, MEMBERSHIP_STATUSES } from '../../../domain/membership.ts';
import { formatMissouriDate } from '../../../domain/missouri-time.ts';
import { href } from '../../api/client.ts';
import { useMembers } from '../../api/membership.ts';
import { ListChoice, ListFilterForm, ListSearch } from '../../components/ListFilterForm.tsx';
import { Loading } from '../../components/Loading.tsx';
import { ErrorAlert } from '../mediation/shared.tsx';
import { CsvLink, filterError, ListPages, ListTable, useListParams } from './StaffList.tsx';
import { StaffShell } from './StaffShell.tsx';
import { money } from './shared.tsx';

const FILTERS = ['q', 'status', 'tierId', 'owing'] as const;

/** /association/staff/members: find a member by name or e-mail, filter, page through, export. */
export function StaffMembersPage() {
  const list = useListParams(FILTERS);
  const members = useMembers(list.query as MembersQuery);
  const p = members.data;
  const error = filterError(members.error);
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
            <ListChoice
              label="Tier"
              choices={(p?.tiers ?? []).map((t) => [t.id, t.name] as const)}
              {...field('tierId')}
            />
            <ListChoice
              label="Dues"
              any="Owed or not"
              choices={[['true', 'Waiting for dues']]}
              {...field('owing')}
            />
          </>
        )}
      </ListFilterForm>
      <CsvLink href={href(downloadMembers, undefined, list.filters as MembersQuery)}>
        Download this list (CSV)
      </CsvLink>
      {members.isPending ? <Loading what="Loading members" /> : null}
      <ErrorAlert error={members.error} />
      {p ? (
        <>
          {p.rows.length === 0 ? (
            <p>No members match.</p>
          ) : (
            <ListTable label="Members found">
              <thead>
                <tr>
                  <th scope="col">Member</th>
                  <th scope="col">Tier</th>
                  <th scope="col">State</th>
                  <th scope="col">Paid until</th>
                  <th scope="col">Dues owed</th>
                </tr>
              </thead>
              <tbody>
                {p.rows.map((r) => (
                  <tr key={r.userId}>
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
                  </tr>
                ))}
              </tbody>
            </ListTable>
          )}
          <ListPages previous={list.previous} next={p.next} onNext={list.next} />
        </>
      ) : null}
    </StaffShell>
  );
}
