import { useState } from 'react';
import {
  type AnswerBody,
  answerPoll,
  bookPoll,
  type CaseSessions,
  closePoll,
  createPoll,
  type Poll,
  type PollBody,
} from '../../../contracts/sessions.ts';
import { useChange } from '../../api/change.ts';
import { call } from '../../api/client.ts';
import { pollKeys, sessionKeys, usePolls } from '../../api/sessions.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { Choices, FieldRow, TextField } from '../../components/Field.tsx';
import { Loading } from '../../components/Loading.tsx';
import { useKindAndSide } from './SessionExtras.tsx';
import { caseSummaryKey, ErrorAlert } from './shared.tsx';

const STATUS_WORDS = { open: 'Waiting for answers', booked: 'Booked', closed: 'Closed' } as const;

/**
 * Finding a time: the mediator proposes several times; each person asked marks the ones they can
 * attend (here, or from their e-mailed link); the mediator sees the best time and books it.
 */
export function PollsSection({ caseId, view }: { caseId: string; view: CaseSessions }) {
  const polls = usePolls(caseId);
  if (polls.isPending) return <Loading what="Loading the proposed times" />;
  if (polls.isError) return <ErrorAlert error={polls.error} />;
  const list = polls.data.polls;
  if (!list.length && !view.can.schedule) return null;
  return (
    <section aria-labelledby="polls" className="m-section">
      <h2 id="polls">Finding a time</h2>
      {list.length === 0 ? <p>No times have been proposed yet.</p> : null}
      <ul className="m-list">
        {list.map((p) => (
          <li key={p.id} className="m-card">
            <PollCard caseId={caseId} poll={p} />
          </li>
        ))}
      </ul>
      {view.can.schedule ? <ProposeTimes caseId={caseId} view={view} /> : null}
    </section>
  );
}

function PollCard({ caseId, poll }: { caseId: string; poll: Poll }) {
  const invalidates = [pollKeys.case(caseId), sessionKeys.case(caseId), caseSummaryKey(caseId)];
  const [times, setTimes] = useState<string[]>(poll.slots.filter((s) => s.mine).map((s) => s.id));
  const answer = useChange(
    (body: AnswerBody) => call(answerPoll, { params: { caseId, pollId: poll.id }, body }),
    {
      invalidates,
      success: 'Your answer is saved. The mediator sets the session and you get an invitation.',
    },
  );
  const book = useChange(
    (timeId: string) => call(bookPoll, { params: { caseId, pollId: poll.id }, body: { timeId } }),
    { invalidates },
  );
  const close = useChange(() => call(closePoll, { params: { caseId, pollId: poll.id } }), {
    invalidates,
    success: 'The poll is closed.',
  });
  const asked = poll.invitees.length;
  const answered = poll.invitees.filter((i) => i.answered).length;
  const mediatorView = poll.slots.some((s) => s.canAttend !== null);
  return (
    <>
      <h3>
        {poll.kindLabel}, about {poll.minutes} minutes
      </h3>
      <p>
        {poll.placeText} <span className="m-badge">{STATUS_WORDS[poll.status]}</span>
      </p>
      {mediatorView ? (
        <>
          <p>
            {answered} of {asked} answered
            {answered < asked
              ? `; waiting for ${poll.invitees
                  .filter((i) => !i.answered)
                  .map((i) => i.name)
                  .join(', ')}`
              : ''}
            .
          </p>
          <ul className="poll-times">
            {poll.slots.map((s) => (
              <li key={s.id} className={s.best ? 'poll-time poll-best' : 'poll-time'}>
                <strong>{s.shown}</strong>: {s.canAttend ?? 0} of {asked} can attend
                {s.best ? <span className="m-badge"> Best time</span> : null}
                {poll.status === 'open' && poll.invitees.length ? (
                  <span className="muted">
                    {' '}
                    (
                    {poll.invitees
                      .filter((i) => i.times.includes(s.id))
                      .map((i) => i.name)
                      .join(', ') || 'no one yet'}
                    )
                  </span>
                ) : null}
                {poll.can.book ? (
                  <div>
                    <Button
                      variant={s.best ? 'primary' : 'secondary'}
                      busy={book.busy}
                      onClick={() => book.run(s.id)}
                      aria-label={`Book this time: ${s.shown}`}
                    >
                      Book this time
                    </Button>
                  </div>
                ) : null}
              </li>
            ))}
          </ul>
          <ErrorAlert error={book.error} />
          {book.result ? (
            <Alert tone="success" title={`Session set for ${book.result.shown}.`}>
              Everyone invited gets an e-mail with a calendar file. The poll is closed.
              {book.result.warnings.map((w) => (
                <p key={w}>{w}</p>
              ))}
            </Alert>
          ) : null}
          {poll.can.close ? (
            <Button variant="secondary" busy={close.busy} onClick={() => close.run()}>
              Close without booking
            </Button>
          ) : null}
          <ErrorAlert error={close.error} />
        </>
      ) : poll.can.answer ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            answer.run({ times });
          }}
        >
          <Choices
            legend="Which times can you attend? (Missouri time)"
            hint="Mark every time that works for you. Leave them all unmarked if none does."
            type="checkbox"
            name={`poll-${poll.id}`}
            options={poll.slots.map((s) => ({ value: s.id, label: s.shown }))}
            value={times}
            onChange={setTimes}
            error={answer.field('times')}
          />
          <ErrorAlert error={answer.error} />
          {answer.message ? <Alert tone="success">{answer.message}</Alert> : null}
          <Button type="submit" busy={answer.busy}>
            Save my answer
          </Button>
        </form>
      ) : (
        <p>
          You said you can attend:{' '}
          {poll.slots
            .filter((s) => s.mine)
            .map((s) => s.shown)
            .join('; ') || 'none of these times'}
          .
        </p>
      )}
    </>
  );
}

export type TimeRow = { key: number; date: string; time: string };
/** Empty rows for proposing times, each starting at ten in the morning. */
export const emptyTimeRows = (n: number): TimeRow[] =>
  Array.from({ length: n }, (_, i) => ({ key: i + 1, date: '', time: '10:00' }));

/** The times offered, two to eight rows of a day and a start, with their errors by row. */
export function TimeRows({
  rows,
  setRows,
  err,
}: {
  rows: TimeRow[];
  setRows: (rows: TimeRow[]) => void;
  err: (field: string) => string | undefined;
}) {
  const setRow = (key: number, patch: Partial<TimeRow>) =>
    setRows(rows.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  return (
    <>
      {err('times') ? <p className="field-error">{err('times')}</p> : null}
      {rows.map((r, n) => (
        <FieldRow key={r.key}>
          <TextField
            label={`Time ${n + 1}: day`}
            type="date"
            value={r.date}
            onChange={(e) => setRow(r.key, { date: e.target.value })}
            error={err(`times.${n}.date`) ?? err(`times.${n}`)}
            required
          />
          <TextField
            label={`Time ${n + 1}: start`}
            type="time"
            value={r.time}
            onChange={(e) => setRow(r.key, { time: e.target.value })}
            error={err(`times.${n}.time`)}
            required
          />
        </FieldRow>
      ))}
      <FieldRow>
        {rows.length < 8 ? (
          <Button
            variant="secondary"
            onClick={() =>
              setRows([...rows, { key: Math.max(...rows.map((r) => r.key)) + 1, date: '', time: '10:00' }])
            }
          >
            Add a time
          </Button>
        ) : null}
        {rows.length > 2 ? (
          <Button variant="secondary" onClick={() => setRows(rows.slice(0, -1))}>
            Remove the last time
          </Button>
        ) : null}
      </FieldRow>
    </>
  );
}

function ProposeTimes({ caseId, view }: { caseId: string; view: CaseSessions }) {
  const { kind, side, fields: kindAndSide } = useKindAndSide(view);
  const [minutes, setMinutes] = useState('120');
  const [rows, setRows] = useState<TimeRow[]>(emptyTimeRows(3));
  const [placeKind, setPlaceKind] = useState<'in_person' | 'video'>('in_person');
  const [address, setAddress] = useState('');
  const [url, setUrl] = useState('');
  const propose = useChange((body: PollBody) => call(createPoll, { params: { caseId }, body }), {
    invalidates: [pollKeys.case(caseId)],
    success: 'The times are sent. Each person asked gets an e-mail with their own link to answer.',
  });
  const err = (f: string) => propose.field(f);
  return (
    <form
      aria-labelledby="propose"
      onSubmit={(e) => {
        e.preventDefault();
        propose.run({
          kind,
          ...(kind === 'joint' ? {} : { side }),
          minutes: Number(minutes),
          place: placeKind === 'video' ? { kind: 'video', url } : { kind: 'in_person', address },
          times: rows.map((r) => ({ date: r.date, time: r.time })),
        });
      }}
    >
      <h3 id="propose">Propose times</h3>
      <p className="m-hint">
        Offer two to eight times (Missouri time). Everyone the session is for marks the ones they can attend;
        Parley shows you the time the most can attend.
      </p>
      <FieldRow>
        {kindAndSide(err)}
        <TextField
          label="How long, in minutes"
          type="number"
          min={15}
          max={600}
          value={minutes}
          onChange={(e) => setMinutes(e.target.value)}
          error={err('minutes')}
        />
      </FieldRow>
      <TimeRows rows={rows} setRows={setRows} err={err} />
      <Choices
        legend="Where"
        type="radio"
        name="poll-place"
        options={[
          { value: 'in_person', label: 'In person' },
          { value: 'video', label: 'By video' },
        ]}
        value={[placeKind]}
        onChange={([choice]) => setPlaceKind(choice === 'video' ? 'video' : 'in_person')}
      />
      {placeKind === 'in_person' ? (
        <TextField
          label="Meeting place address"
          hint="A neutral place."
          value={address}
          onChange={(e) => setAddress(e.target.value)}
          error={err('place.address')}
        />
      ) : (
        <TextField
          label="Video link"
          type="url"
          value={url}
          onChange={(e) => setUrl(e.target.value)}
          error={err('place.url')}
        />
      )}
      <ErrorAlert error={propose.error} />
      {propose.message ? <Alert tone="success">{propose.message}</Alert> : null}
      <Button type="submit" busy={propose.busy}>
        Send the times
      </Button>
    </form>
  );
}
