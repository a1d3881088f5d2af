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
      <Part
        id="desk-moves"
        title="Requests to move a session"
        empty="No one has asked to move a session."
        items={d.moveRequests.map((r) => (
          <Item
            key={r.requestId}
            c={r}
            to="sessions"
            tone="work-next work-next-you"
            what={
              <>
                <strong>Your turn:</strong> {r.askedBy} asks to move the{' '}
                {(SESSION_KIND_LABELS[r.kind as SessionKind] ?? 'session').toLowerCase()} of{' '}
                <span className="nowrap">{r.fromShown}</span>.
              </>
            }
          />
        ))}
      />
      <Part
        id="desk-sessions"
        title="Sessions today and this week"
        empty="No sessions are set for the next seven days."
        more={
          <p>
            <Link to="/calendar">Open your calendar</Link> for every session by month, week or agenda.
          </p>
        }
        items={d.sessions.map((s) => (
          <Item
            key={s.sessionId}
            c={s}
            to="sessions"
            what={
              <>
                <strong>{s.today ? `Today, ${s.shown}` : s.shown}</strong> ·{' '}
                {SESSION_KIND_LABELS[s.kind as SessionKind] ?? s.kind}, {s.minutes} minutes
              </>
            }
          />
        ))}
      />
      <Part
        id="desk-signatures"
        title="Agreements waiting for signatures"
        empty="No agreement waits for signatures."
        items={d.signatures.map((a) => (
          <Item
            key={a.caseId}
            c={a}
            to="agreement"
            what={`Sent for signature ${formatMissouriDate(a.sentAt)}`}
          />
        ))}
      />
      <Part
        id="desk-deadlines"
        title="Deadlines coming and overdue"
        empty="No deadline falls in the next 30 days."
        items={d.deadlines.map((x) => (
          <Item
            key={x.caseId}
            c={x}
            tone={x.status === 'upcoming' ? undefined : `deadline-${x.status}`}
            what={
              <DueBy
                lead={x.status === 'overdue' ? 'Overdue: ' : x.status === 'due_soon' ? 'Due soon: ' : ''}
                what={x.label}
                date={x.dueDate}
              />
            }
          />
        ))}
      />
      <Part
        id="desk-promises"
        title="Promises due on your agreements"
        empty="No promise is due in the next two weeks."
        items={d.promises.map((p) => (
          <Item
            key={p.milestoneId}
            c={p}
            to="promises"
            tone={p.overdue ? 'deadline-overdue' : undefined}
            what={<DueBy lead={p.overdue ? 'Late: ' : ''} what={p.what} date={p.dueDate} />}
          />
        ))}
      />
    </>
  );
}
