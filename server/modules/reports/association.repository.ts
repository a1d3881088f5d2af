import { sql } from 'kysely';
import type { Executor } from '../../db/database.ts';
import { inPeriod, num, type Period } from './reports.repository.ts';

// The association's figures. Months are UTC months of the stored times.

const month = (column: string) => sql<string>`substr(${sql.ref(column)}, 1, 7)`;

export async function associationFigures(db: Executor, p: Period) {
  const members = await sql<{ tier: string; status: string; n: unknown }>`
    select t.name as tier, m.status as status, count(*) as n
    from memberships m join membership_tiers t on t.id = m.tier_id
    group by t.name, t.sort_order, m.status order by t.sort_order, t.name, m.status`.execute(db);
  // A renewal: dues paid for a membership that had been paid for before.
  const renewalsSql = sql`from association_payments ap
    where ap.purpose = 'dues' and ap.membership_id is not null and ${inPeriod('ap.created_at', p)}
      and exists (select 1 from association_payments earlier
        where earlier.membership_id = ap.membership_id and earlier.purpose = 'dues' and earlier.created_at < ap.created_at)`;
  const lapsesSql = sql`from memberships m where m.status = 'lapsed' and ${inPeriod('m.status_changed_at', p)}`;
  const byMonth = await sql<{ month: string; kind: string; n: unknown }>`
    select ${month('m.joined_at')} as month, 'joined' as kind, count(*) as n from memberships m
      where ${inPeriod('m.joined_at', p)} group by 1
    union all
    select ${month('ap.created_at')} as month, 'renewed' as kind, count(*) as n ${renewalsSql} group by 1
    union all
    select ${month('m.status_changed_at')} as month, 'lapsed' as kind, count(*) as n ${lapsesSql} group by 1`.execute(
    db,
  );
  const events = await sql<{ attended: unknown; hours: unknown }>`
    select count(*) as attended, sum(e.credit_hours) as hours
    from event_registrations r join association_events e on e.id = r.event_id
    where r.attended_at is not null and ${inPeriod('r.attended_at', p)}`.execute(db);
  const listings = await sql<{ n: unknown }>`
    select count(*) as n from directory_profiles where published = 1`.execute(db);
  const contacts = await sql<{ n: unknown }>`
    select count(*) as n from directory_contact_messages dm where ${inPeriod('dm.created_at', p)}`.execute(
    db,
  );
  const months = new Map<string, { month: string; joined: number; renewed: number; lapsed: number }>();
  for (const row of byMonth.rows) {
    const m = months.get(row.month) ?? { month: row.month, joined: 0, renewed: 0, lapsed: 0 };
    m[row.kind as 'joined' | 'renewed' | 'lapsed'] = num(row.n);
    months.set(row.month, m);
  }
  const monthList = [...months.values()].sort((a, b) => a.month.localeCompare(b.month));
  return {
    members: members.rows.map((r) => ({ tier: r.tier, status: r.status, members: num(r.n) })),
    months: monthList,
    renewals: monthList.reduce((s, m) => s + m.renewed, 0),
    lapses: monthList.reduce((s, m) => s + m.lapsed, 0),
    events: { attended: num(events.rows[0]?.attended), ceHours: num(events.rows[0]?.hours) },
    directory: { listings: num(listings.rows[0]?.n), contactRequests: num(contacts.rows[0]?.n) },
  };
}
