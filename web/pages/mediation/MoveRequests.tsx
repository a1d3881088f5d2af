import { useState } from 'react';
import {
  type AcceptMoveBody,
  acceptMoveRequest,
  askToMoveSession,
  type DeclineMoveBody,
  declineMoveRequest,
  type MoveRequest,
  type Session,
} from '../../../contracts/sessions.ts';
import { useChange } from '../../api/change.ts';
import { call } from '../../api/client.ts';
import { pollKeys, sessionKeys } from '../../api/sessions.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { Choices, FieldRow, TextArea } from '../../components/Field.tsx';
import { emptyTimeRows, type TimeRow, TimeRows } from './PollsSection.tsx';
import { WhenFields } from './SessionExtras.tsx';
import { caseSummaryKey, ErrorAlert } from './shared.tsx';

/**
 * Asking to move a session: a party invited to it asks, saying why; the mediator answers with a
 * new time, with times for everyone to choose from, or by keeping the time (with a note). The
 * request and its reason are shown only to the mediator and the one who asked.
 */

const STATUS_WORDS: Record<MoveRequest['status'], string> = {
  open: 'Waiting for the mediator',
  accepted: 'Accepted',
  declined: 'Declined: the time stays',
  closed: 'Closed: the session was canceled or held',
};

/** A party's "Ask to move this session", shown where the answer allows it. */
export function AskToMove({ caseId, session }: { caseId: string; session: Session }) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const ask = useChange(
    () => call(askToMoveSession, { params: { caseId, sessionId: session.id }, body: { reason } }),
    {
      invalidates: [sessionKeys.case(caseId)],
      success: 'Your request is sent. The mediator answers here, and you get an e-mail.',
      onSuccess: () => setOpen(false),
    },
  );
  if (ask.message) return <Alert tone="success">{ask.message}</Alert>;
  if (!session.can.askToMove) return null;
  if (!open)
    return (
      <Button variant="secondary" onClick={() => setOpen(true)}>
        Ask to move this session
      </Button>
    );
  return (
    <form
      aria-label={`Ask to move the session of ${session.shown}`}
      onSubmit={(e) => {
        e.preventDefault();
        ask.run(undefined);
      }}
    >
      <TextArea
        label="Why should the session move?"
        hint="Only the mediator reads this. Say which days or times suit you better."
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        error={ask.field('reason')}
        maxLength={1000}
      />
      <ErrorAlert error={ask.error} />
      <FieldRow>
        <Button type="submit" busy={ask.busy}>
          Send the request
        </Button>
        <Button variant="secondary" onClick={() => setOpen(false)}>
          Not now
        </Button>
      </FieldRow>
    </form>
  );
}

/** The requests the viewer may read: every one for the mediators, a party's own. */
export function MoveRequestsSection({
  caseId,
  requests,
  sessions,
}: {
  caseId: string;
  requests: MoveRequest[];
  sessions: Session[];
}) {
  if (!requests.length) return null;
  return (
    <section aria-labelledby="move-requests" className="m-section">
      <h2 id="move-requests">Requests to move a session</h2>
      <ul className="m-list">
        {requests.map((r) => (
          <li key={r.id} className="m-card">
            <h3>
              {r.mine ? 'You asked' : `${r.askedBy} asks`} to move the {r.sessionLabel.toLowerCase()} of{' '}
              {r.fromShown}
            </h3>
            <p>
              <span className="m-badge">{STATUS_WORDS[r.status]}</span>
              {r.answer === 'new_time' ? ' The session has a new time.' : null}
              {r.answer === 'poll' ? ' The mediator proposed times to choose from.' : null}
            </p>
            <p>
              <strong>Why:</strong> {r.reason}
            </p>
            {r.note ? (
              <p>
                <strong>The mediator’s note:</strong> {r.note}
              </p>
            ) : null}
            <AnswerMove caseId={caseId} request={r} session={sessions.find((s) => s.id === r.sessionId)} />
          </li>
        ))}
      </ul>
    </section>
  );
}

type How = 'new_time' | 'poll' | 'decline';

/** The mediator's answer: a new time, times to choose from, or keeping the time with a note. */
function AnswerMove({
  caseId,
  request,
  session,
}: {
  caseId: string;
  request: MoveRequest;
  session: Session | undefined;
}) {
  const [how, setHow] = useState<How>('new_time');
  const [date, setDate] = useState('');
  const [time, setTime] = useState('10:00');
  const [minutes, setMinutes] = useState(String(session?.minutes ?? 120));
  const [rows, setRows] = useState<TimeRow[]>(emptyTimeRows(2));
  const [note, setNote] = useState('');
  const invalidates = [sessionKeys.case(caseId), pollKeys.case(caseId), caseSummaryKey(caseId)];
  const params = { caseId, requestId: request.id };
  const accept = useChange((body: AcceptMoveBody) => call(acceptMoveRequest, { params, body }), {
    invalidates,
    success: (r) =>
      r.request.answer === 'poll'
        ? 'The old time is canceled and the times are sent: everyone gets an e-mail to answer.'
        : `The session is moved to ${r.session.shown}. Everyone invited gets an e-mail with a calendar file.`,
  });
  const decline = useChange((body: DeclineMoveBody) => call(declineMoveRequest, { params, body }), {
    invalidates,
    success: 'The time stays. The one who asked is told.',
  });
  const done = accept.message ?? decline.message;
  if (done)
    return (
      <Alert tone="success">
        {done}
        {accept.result?.session.warnings.map((w) => (
          <p key={w}>{w}</p>
        ))}
      </Alert>
    );
  if (!request.can.accept && !request.can.decline) return null;
  const err = (f: string) => (how === 'decline' ? decline.field(f) : accept.field(f));
  return (
    <form
      aria-label={`Answer ${request.askedBy}’s request`}
      onSubmit={(e) => {
        e.preventDefault();
        if (how === 'decline') decline.run(note.trim() ? { note } : {});
        else if (how === 'poll')
          accept.run({ how: 'poll', times: rows.map((r) => ({ date: r.date, time: r.time })) });
        else accept.run({ how: 'new_time', date, time, minutes: Number(minutes) });
      }}
    >
      <Choices
        legend="Your answer"
        type="radio"
        name={`move-${request.id}`}
        options={[
          { value: 'new_time', label: 'Move it to a new time' },
          { value: 'poll', label: 'Propose times for everyone to choose from' },
          { value: 'decline', label: 'Keep the time' },
        ]}
        value={[how]}
        onChange={([v]) => setHow(v === 'poll' || v === 'decline' ? v : 'new_time')}
      />
      {how === 'new_time' ? (
        <WhenFields
          date={date}
          time={time}
          minutes={minutes}
          onDate={setDate}
          onTime={setTime}
          onMinutes={setMinutes}
          err={err}
        />
      ) : null}
      {how === 'poll' ? (
        <>
          <p className="m-hint">
            The session at the old time is canceled; everyone it was for marks the times they can attend.
          </p>
          <TimeRows rows={rows} setRows={setRows} err={err} />
        </>
      ) : null}
      {how === 'decline' ? (
        <TextArea
          label="A note for the one who asked (optional)"
          hint="Only they and the mediators read it."
          value={note}
          onChange={(e) => setNote(e.target.value)}
          error={err('note')}
          maxLength={1000}
        />
      ) : null}
      <ErrorAlert error={how === 'decline' ? decline.error : accept.error} />
      <Button type="submit" busy={accept.busy || decline.busy}>
        {how === 'decline'
          ? 'Keep the time'
          : how === 'poll'
            ? 'Cancel and send the times'
            : 'Move the session'}
      </Button>
    </form>
  );
}
