import { type FormEvent, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { downloadMembers, type MembersQuery } from '../../../contracts/membership.ts';
import { MEMBERSHIP_STATUS_LABELS, MEMBERSHIP_STATUSES } from '../../../domain/membership.ts';
import { formatMissouriDate } from '../../../domain/missouri-time.ts';
import { ApiError, href } from '../../api/client.ts';
import { useMembers } from '../../api/membership.ts';
import { Button } from '../../components/Button.tsx';
import { FieldRow, Select, TextField } from '../../components/Field.tsx';
import { Loading } from '../../components/Loading.tsx';
import { ErrorAlert } from '../mediation/shared.tsx';
import { StaffShell } from './StaffShell.tsx';
import { money } from './shared.tsx';

const FILTERS = ['q', 'status', 'tierId', 'owing'] as const;
type Filters = Partial<Record<(typeof FILTERS)[number], string>>;

/** /association/staff/members: find a member by name or e-mail, filter, page through, export. */
export function StaffMembersPage() {
  const [params, setParams] = useSearchParams();
  const filters: Filters = Object.fromEntries(
    FILTERS.flatMap((k) => (params.get(k) ? [[k, params.get(k)!]] : [])),
  );
  const after = params.get('after') ?? undefined;
  const [trail, setTrail] = useState<string[]>([]);
  const members = useMembers({ ...filters, ...(after ? { after } : {}) } as MembersQuery);
  const p = members.data;
  const show = (next: Filters, cursor?: string) => {
    const clean = Object.fromEntries(Object.entries(next).filter(([, v]) => v));
    setParams(cursor ? { ...clean, after: cursor } : clean);
  };
  const fieldError = (name: string) =>
    members.error instanceof ApiError ? members.error.field(name) : undefined;
  return (
    <StaffShell
      title="Members"
      lead="Find a member by name or e-mail address, open their record, or export the list."
    >
      <MemberFilters
        key={params.toString()}
        filters={filters}
        tiers={p?.tiers ?? []}
        error={fieldError}
        onSubmit={(next) => {
          setTrail([]);
          show(next);
        }}
      />
      <p className="queue-links">
        <a
          className="button button-secondary"
          href={href(downloadMembers, undefined, filters as MembersQuery)}
          download
        >
          Download this list (CSV)
        </a>
      </p>
      {members.isPending ? <Loading what="Loading members" /> : null}
      <ErrorAlert error={members.error} />
      {p ? (
        <>
          {p.rows.length === 0 ? (
            <p>No members match.</p>
          ) : (
            // biome-ignore lint/a11y/noNoninteractiveTabindex: a table wider than a phone scrolls by keyboard too
            <section className="assoc-scroll" tabIndex={0} aria-label="Members found">
              <table className="assoc-table">
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
              </table>
            </section>
          )}
          <nav aria-label="Pages" className="button-row">
            {trail.length ? (
              <Button
                variant="secondary"
                onClick={() => {
                  const cursor = trail.at(-1);
                  setTrail(trail.slice(0, -1));
                  show(filters, cursor || undefined);
                }}
              >
                Previous page
              </Button>
            ) : null}
            {p.next ? (
              <Button
                variant="secondary"
                onClick={() => {
                  setTrail([...trail, after ?? '']);
                  show(filters, p.next!);
                }}
              >
                Next page
              </Button>
            ) : null}
          </nav>
        </>
      ) : null}
    </StaffShell>
  );
}

function MemberFilters({
  filters,
  tiers,
  error,
  onSubmit,
}: {
  filters: Filters;
  tiers: { id: string; name: string }[];
  error: (name: string) => string | undefined;
  onSubmit: (filters: Filters) => void;
}) {
  const [draft, setDraft] = useState<Filters>(filters);
  const set = (k: keyof Filters) => (e: { target: { value: string } }) =>
    setDraft({ ...draft, [k]: e.target.value });
  return (
    <form
      className="form queue-filters"
      aria-label="Find members"
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        onSubmit(draft);
      }}
    >
      <FieldRow>
        <TextField
          label="Search"
          hint="Part of a name or e-mail address."
          type="search"
          value={draft.q ?? ''}
          onChange={set('q')}
          error={error('q')}
        />
        <Select label="State" value={draft.status ?? ''} onChange={set('status')} error={error('status')}>
          <option value="">Any</option>
          {MEMBERSHIP_STATUSES.map((s) => (
            <option key={s} value={s}>
              {MEMBERSHIP_STATUS_LABELS[s]}
            </option>
          ))}
        </Select>
        <Select label="Tier" value={draft.tierId ?? ''} onChange={set('tierId')} error={error('tierId')}>
          <option value="">Any</option>
          {tiers.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name}
            </option>
          ))}
        </Select>
        <Select label="Dues" value={draft.owing ?? ''} onChange={set('owing')} error={error('owing')}>
          <option value="">Owed or not</option>
          <option value="true">Waiting for dues</option>
        </Select>
      </FieldRow>
      <div className="form-actions">
        <Button type="submit">Find members</Button>
      </div>
    </form>
  );
}
