import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { formatMissouriDate } from '../../../domain/missouri-time.ts';
import { SESSION_KIND_LABELS, type SessionKind } from '../../../domain/sessions.ts';
import { useMediatorDesk } from '../../api/cases.ts';
import { errorMessage } from '../../api/client.ts';
import { Alert } from '../../components/Alert.tsx';
import { Loading } from '../../components/Loading.tsx';
import '../cases/cases.css';

const day = (date: string) => formatMissouriDate(`${date}T12:00:00Z`, { weekday: true });

/** One part of the desk: its heading, and its items or a line saying there is nothing. */
function Part({
  id,
  title,
  empty,
  items,
  more,
}: {
  id: string;
  title: string;
  empty: string;
  items: ReactNode[];
  more?: ReactNode;
}) {
  return (
    <section aria-labelledby={id} className="desk-part">
      <h2 id={id}>
        {title} <span className="muted">({items.length})</span>
      </h2>
      {items.length ? <ul className="work-list">{items}</ul> : <p className="muted">{empty}</p>}
      {more}
    </section>
  );
}

type CaseRef = { caseId: string; reference: string; title: string };

/** One item of the desk: what is due, then the case it is on, linking to `to` there. */
function Item({
  what,
  tone,
  c,
  to,
}: {
  what: ReactNode;
  tone?: string | undefined;
  c: CaseRef;
  to?: string;
}) {
  return (
    <li className="work-item">
      <p className={tone}>{what}</p>
      <p>
        <CaseLink c={c} to={to} />
      </p>
    </li>
  );
}

/**
 * A part of the desk whose items are each on one case: `item` gives a row's key, the tab of the
 * case it links to, its tone and what is due.
 */
function CaseItems<R extends CaseRef>({
  rows,
  item,
  ...part
}: {
  id: string;
  title: string;
  empty: string;
  more?: ReactNode;
  rows: R[];
  item: (row: R) => { key: string; what: ReactNode; tone?: string | undefined; to?: string };
}) {
  return (
    <Part
      {...part}
      items={rows.map((row) => {
        const { key, ...shown } = item(row);
        return <Item key={key} c={row} {...shown} />;
      })}
    />
  );
}

/** Something due by a day, after a word for how late it is ("Overdue: "), if any. */
function DueBy({ lead, what, date }: { lead: string; what: string; date: string }) {
  return (
    <>
      {lead}
      {what}, by <span className="nowrap">{day(date)}</span>
    </>
  );
}

/** A case named by its number and title, linking to the page where the work is. */
function CaseLink({ c, to }: { c: CaseRef; to?: string | undefined }) {
  return (
    <Link to={`/cases/${c.caseId}${to ? `/${to}` : ''}`}>
      {c.reference}: {c.title}
    </Link>
  );
}

/**
 * The mediator's desk, their home after sign-in: across every case they mediate or co-mediate,
 * what needs them now, each item linking to its case.
 */
export function MediatorDesk() {
  const desk = useMediatorDesk();
  if (desk.isPending) return <Loading what="Loading your desk" />;
  if (desk.isError) return <Alert tone="error">{errorMessage(desk.error)}</Alert>;
  const d = desk.data;
  return (
    <>
      <Part
        id="desk-offers"
        title="Cases and invitations to answer"
        empty="Nothing waits for your answer."
        items={[
          ...d.offers.map((o) => (
            <li key={o.caseId} className="work-item">
              <p className="work-next work-next-you">
                <strong>Your turn:</strong> say whether you will mediate <CaseLink c={o} />.
              </p>
            </li>
          )),
          ...d.invitations.map((i) => (
            <li key={i.id} className="work-item">
              <p>
                <strong>{i.about}</strong>
                {i.programName ? <span className="muted"> · {i.programName}</span> : null}
              </p>
              <p>
                Open the link in the e-mail we sent to {i.sentTo}. It works until{' '}
                <span className="nowrap">{formatMissouriDate(i.expiresAt)}</span>.
              </p>
            </li>
          )),
        ]}
      />
      <CaseItems
        id="desk-moves"
        title="Requests to move a session"
        empty="No one has asked to move a session."
        rows={d.moveRequests}
        item={(r) => ({
          key: r.requestId,
          to: 'sessions',
          tone: 'work-next work-next-you',
          what: (
            <>
              <strong>Your turn:</strong> {r.askedBy} asks to move the{' '}
              {(SESSION_KIND_LABELS[r.kind as SessionKind] ?? 'session').toLowerCase()} of{' '}
              <span className="nowrap">{r.fromShown}</span>.
            </>
          ),
        })}
      />
      <CaseItems
        id="desk-sessions"
        title="Sessions today and this week"
        empty="No sessions are set for the next seven days."
        more={
          <p>
            <Link to="/calendar">Open your calendar</Link> for every session by month, week or agenda.
          </p>
        }
        rows={d.sessions}
        item={(s) => ({
          key: s.sessionId,
          to: 'sessions',
          what: (
            <>
              <strong>{s.today ? `Today, ${s.shown}` : s.shown}</strong> ·{' '}
              {SESSION_KIND_LABELS[s.kind as SessionKind] ?? s.kind}, {s.minutes} minutes
            </>
          ),
        })}
      />
      <CaseItems
        id="desk-signatures"
        title="Agreements waiting for signatures"
        empty="No agreement waits for signatures."
        rows={d.signatures}
        item={(a) => ({
          key: a.caseId,
          to: 'agreement',
          what: `Sent for signature ${formatMissouriDate(a.sentAt)}`,
        })}
      />
      <CaseItems
        id="desk-deadlines"
        title="Deadlines coming and overdue"
        empty="No deadline falls in the next 30 days."
        rows={d.deadlines}
        item={(x) => ({
          key: x.caseId,
          tone: x.status === 'upcoming' ? undefined : `deadline-${x.status}`,
          what: (
            <DueBy
              lead={x.status === 'overdue' ? 'Overdue: ' : x.status === 'due_soon' ? 'Due soon: ' : ''}
              what={x.label}
              date={x.dueDate}
            />
          ),
        })}
      />
      <CaseItems
        id="desk-promises"
        title="Promises due on your agreements"
        empty="No promise is due in the next two weeks."
        rows={d.promises}
        item={(p) => ({
          key: p.milestoneId,
          to: 'promises',
          tone: p.overdue ? 'deadline-overdue' : undefined,
          what: <DueBy lead={p.overdue ? 'Late: ' : ''} what={p.what} date={p.dueDate} />,
        })}
      />
    </>
  );
}
