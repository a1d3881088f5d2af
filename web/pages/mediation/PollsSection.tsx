import type { QueryKey } from '@tanstack/react-query';
import { useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import {
  type AnswerBody,
  answerPoll,
  bookPoll,
  closePoll,
  createPoll,
  type Poll,
  type PollBody,
} from '../../../contracts/session-polls.ts';
import type { CaseSessions } from '../../../contracts/sessions.ts';
import { useChange } from '../../api/change.ts';
import { call } from '../../api/client.ts';
import { pollKeys, sessionKeys, usePolls } from '../../api/sessions.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { Choices, FieldRow, TextField } from '../../components/Field.tsx';
import { Loading } from '../../components/Loading.tsx';
import { useFormats } from '../../i18n.ts';
import { MinutesField, SessionSet, useKindAndSide, usePlace } from './SessionExtras.tsx';
import { caseSummaryKey, ErrorAlert } from './shared.tsx';

/** The catalog's <strong> marks bold words inside a sentence. */
const BOLD = { strong: <strong /> };

/**
 * Finding a time: the mediator proposes several times; each person asked marks the ones they can
 * attend (here, or from their e-mailed link); the mediator sees the best time and books it.
 */
export function PollsSection({ caseId, view }: { caseId: string; view: CaseSessions }) {
  const { t } = useTranslation('sessions');
  const polls = usePolls(caseId);
  if (polls.isPending) return <Loading what={t('polls.loading')} />;
  if (polls.isError) return <ErrorAlert error={polls.error} />;
  const list = polls.data.polls;
  if (!list.length && !view.can.schedule) return null;
  return (
    <section aria-labelledby="polls" className="m-section">
      <h2 id="polls">{t('polls.heading')}</h2>
      {list.length === 0 ? <p>{t('polls.none')}</p> : null}
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
  const { t } = useTranslation('sessions');
  const f = useFormats();
  const invalidates = [pollKeys.case(caseId), sessionKeys.case(caseId), caseSummaryKey(caseId)];
  const book = useChange(
    (timeId: string) => call(bookPoll, { params: { caseId, pollId: poll.id }, body: { timeId } }),
    { invalidates },
  );
  const close = useChange(() => call(closePoll, { params: { caseId, pollId: poll.id } }), {
    invalidates,
    success: t('polls.closed'),
  });
  const asked = poll.invitees.length;
  const answered = poll.invitees.filter((i) => i.answered).length;
  const waiting = poll.invitees.filter((i) => !i.answered).map((i) => i.name);
  const mediatorView = poll.slots.some((s) => s.canAttend !== null);
  const mine = poll.slots.filter((s) => s.mine).map((s) => f.dateTime(s.startsAt));
  return (
    <>
      <h3>{t('polls.card', { kind: t(`kind.${poll.kind}`), minutes: poll.minutes })}</h3>
      <p>
        {poll.placeText} <span className="m-badge">{t(`polls.status.${poll.status}`)}</span>
      </p>
      {mediatorView ? (
        <>
          <p>
            {waiting.length
              ? t('polls.waiting', { answered, asked, names: waiting.join(', ') })
              : t('polls.answered', { answered, asked })}
          </p>
          <ul className="poll-times">
            {poll.slots.map((s) => {
              const who = poll.invitees.filter((i) => i.times.includes(s.id)).map((i) => i.name);
              const when = f.dateTime(s.startsAt);
              return (
                <li key={s.id} className={s.best ? 'poll-time poll-best' : 'poll-time'}>
                  <Trans
                    t={t}
                    i18nKey="polls.canAttend"
                    values={{ when, count: s.canAttend ?? 0, asked }}
                    components={BOLD}
                  />
                  {s.best ? (
                    <>
                      {' '}
                      <span className="m-badge">{t('polls.best')}</span>
                    </>
                  ) : null}
                  {poll.status === 'open' && poll.invitees.length ? (
                    <span className="muted">
                      {' '}
                      {who.length ? t('polls.who', { names: who.join(', ') }) : t('polls.noOneYet')}
                    </span>
                  ) : null}
                  {poll.can.book ? (
                    <div>
                      <Button
                        variant={s.best ? 'primary' : 'secondary'}
                        busy={book.busy}
                        onClick={() => book.run(s.id)}
                        aria-label={t('polls.bookLabel', { when })}
                      >
                        {t('polls.book')}
                      </Button>
                    </div>
                  ) : null}
                </li>
              );
            })}
          </ul>
          <ErrorAlert error={book.error} />
          {book.result ? <SessionSet session={book.result} booked /> : null}
          {poll.can.close ? (
            <Button variant="secondary" busy={close.busy} onClick={() => close.run()}>
              {t('polls.close')}
            </Button>
          ) : null}
          <ErrorAlert error={close.error} />
        </>
      ) : poll.can.answer ? (
        <PollAnswer
          slots={poll.slots}
          name={`poll-${poll.id}`}
          send={(body) => call(answerPoll, { params: { caseId, pollId: poll.id }, body })}
          invalidates={invalidates}
          words={{
            legend: t('polls.legend'),
            hint: t('polls.hint'),
            saved: t('polls.saved'),
            submit: () => t('polls.save'),
          }}
        />
      ) : (
        <p>{mine.length ? t('polls.yourAnswer', { times: mine.join('; ') }) : t('polls.yourAnswerNone')}</p>
      )}
    </>
  );
}

/**
 * The times of a poll this person can attend, ticked and sent with `send` (from the case page, or
 * from the e-mailed link): `words` gives the question, its hint, what is said once it is saved, and
 * the button's words (which may change once an answer is sent).
 */
export function PollAnswer({
  slots,
  name,
  send,
  invalidates,
  words,
}: {
  slots: readonly { id: string; startsAt: string; mine: boolean | null }[];
  name: string;
  send: (body: AnswerBody) => Promise<unknown>;
  invalidates: readonly QueryKey[];
  words: { legend: string; hint: string; saved: string; submit: (sent: boolean) => string };
}) {
  const f = useFormats();
  const [times, setTimes] = useState<string[]>(slots.filter((s) => s.mine).map((s) => s.id));
  const answer = useChange(send, { invalidates, success: words.saved });
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        answer.run({ times });
      }}
    >
      <Choices
        legend={words.legend}
        hint={words.hint}
        type="checkbox"
        name={name}
        options={slots.map((s) => ({ value: s.id, label: f.dateTime(s.startsAt) }))}
        value={times}
        onChange={setTimes}
        error={answer.field('times')}
      />
      <ErrorAlert error={answer.error} />
      {answer.message ? <Alert tone="success">{answer.message}</Alert> : null}
      <Button type="submit" busy={answer.busy}>
        {words.submit(answer.done)}
      </Button>
    </form>
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
  const { t } = useTranslation('sessions');
  const setRow = (key: number, patch: Partial<TimeRow>) =>
    setRows(rows.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  return (
    <>
      {err('times') ? <p className="field-error">{err('times')}</p> : null}
      {rows.map((r, n) => (
        <FieldRow key={r.key}>
          <TextField
            label={t('times.day', { n: n + 1 })}
            type="date"
            value={r.date}
            onChange={(e) => setRow(r.key, { date: e.target.value })}
            error={err(`times.${n}.date`) ?? err(`times.${n}`)}
            required
          />
          <TextField
            label={t('times.start', { n: n + 1 })}
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
            {t('times.add')}
          </Button>
        ) : null}
        {rows.length > 2 ? (
          <Button variant="secondary" onClick={() => setRows(rows.slice(0, -1))}>
            {t('times.remove')}
          </Button>
        ) : null}
      </FieldRow>
    </>
  );
}

function ProposeTimes({ caseId, view }: { caseId: string; view: CaseSessions }) {
  const { t } = useTranslation('sessions');
  const { kind, side, fields: kindAndSide } = useKindAndSide(view);
  const { place, fields: placeFields } = usePlace({ details: false });
  const [minutes, setMinutes] = useState('120');
  const [rows, setRows] = useState<TimeRow[]>(emptyTimeRows(3));
  const propose = useChange((body: PollBody) => call(createPoll, { params: { caseId }, body }), {
    invalidates: [pollKeys.case(caseId)],
    success: t('propose.sent'),
  });
  const err = (field: string) => propose.field(field);
  return (
    <form
      aria-labelledby="propose"
      onSubmit={(e) => {
        e.preventDefault();
        propose.run({
          kind,
          ...(kind === 'joint' ? {} : { side }),
          minutes: Number(minutes),
          place: place(),
          times: rows.map((r) => ({ date: r.date, time: r.time })),
        });
      }}
    >
      <h3 id="propose">{t('propose.heading')}</h3>
      <p className="m-hint">{t('propose.hint')}</p>
      <FieldRow>
        {kindAndSide(err)}
        <MinutesField
          label={t('propose.minutes')}
          value={minutes}
          onChange={setMinutes}
          error={err('minutes')}
        />
      </FieldRow>
      <TimeRows rows={rows} setRows={setRows} err={err} />
      {placeFields(err)}
      <ErrorAlert error={propose.error} />
      {propose.message ? <Alert tone="success">{propose.message}</Alert> : null}
      <Button type="submit" busy={propose.busy}>
        {t('propose.submit')}
      </Button>
    </form>
  );
}
