import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type AcceptMoveBody,
  acceptMoveRequest,
  askToMoveSession,
  type DeclineMoveBody,
  declineMoveRequest,
} from '../../../contracts/session-moves.ts';
import type { MoveRequest, Session } from '../../../contracts/sessions.ts';
import { useChange } from '../../api/change.ts';
import { call } from '../../api/client.ts';
import { pollKeys, sessionKeys } from '../../api/sessions.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { FieldRow, TextArea } from '../../components/Field.tsx';
import { PickOne } from '../../components/PickOne.tsx';
import { useFormats } from '../../i18n.ts';
import { emptyTimeRows, type TimeRow, TimeRows } from './PollsSection.tsx';
import { useWhen } from './SessionExtras.tsx';
import { caseSummaryKey, ErrorAlert } from './shared.tsx';

/**
 * Asking to move a session: a party invited to it asks, saying why; the mediator answers with a
 * new time, with times for everyone to choose from, or by keeping the time (with a note). The
 * request and its reason are shown only to the mediator and the one who asked.
 */

/** A party's "Ask to move this session", shown where the answer allows it. */
export function AskToMove({ caseId, session }: { caseId: string; session: Session }) {
  const { t } = useTranslation('sessions');
  const f = useFormats();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const ask = useChange(
    () => call(askToMoveSession, { params: { caseId, sessionId: session.id }, body: { reason } }),
    {
      invalidates: [sessionKeys.case(caseId)],
      success: t('move.sent'),
      onSuccess: () => setOpen(false),
    },
  );
  if (ask.message) return <Alert tone="success">{ask.message}</Alert>;
  if (!session.can.askToMove) return null;
  if (!open)
    return (
      <Button variant="secondary" onClick={() => setOpen(true)}>
        {t('move.ask')}
      </Button>
    );
  return (
    <form
      aria-label={t('move.askLabel', { when: f.dateTime(session.startsAt) })}
      onSubmit={(e) => {
        e.preventDefault();
        ask.run(undefined);
      }}
    >
      <TextArea
        label={t('move.reason')}
        hint={t('move.reasonHint')}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        error={ask.field('reason')}
        maxLength={1000}
      />
      <ErrorAlert error={ask.error} />
      <FieldRow>
        <Button type="submit" busy={ask.busy}>
          {t('move.send')}
        </Button>
        <Button variant="secondary" onClick={() => setOpen(false)}>
          {t('move.notNow')}
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
  const { t } = useTranslation('sessions');
  const f = useFormats();
  if (!requests.length) return null;
  /** The session's kind, in words inside a sentence ("the joint session"). */
  const sessionWords = (r: MoveRequest) => {
    const kind = sessions.find((s) => s.id === r.sessionId)?.kind;
    return (kind ? t(`kind.${kind}`) : r.sessionLabel).toLocaleLowerCase(f.language);
  };
  return (
    <section aria-labelledby="move-requests" className="m-section">
      <h2 id="move-requests">{t('move.heading')}</h2>
      <ul className="m-list">
        {requests.map((r) => (
          <li key={r.id} className="m-card">
            <h3>
              {r.mine
                ? t('move.youAsked', { session: sessionWords(r), when: r.fromShown })
                : t('move.theyAsk', { name: r.askedBy, session: sessionWords(r), when: r.fromShown })}
            </h3>
            <p>
              <span className="m-badge">{t(`move.status.${r.status}`)}</span>
              {r.answer === 'new_time' ? <> {t('move.newTime')}</> : null}
              {r.answer === 'poll' ? <> {t('move.pollSent')}</> : null}
            </p>
            <p>
              <strong>{t('move.why')}</strong> {r.reason}
            </p>
            {r.note ? (
              <p>
                <strong>{t('move.note')}</strong> {r.note}
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
  const { t } = useTranslation('sessions');
  const f = useFormats();
  const [how, setHow] = useState<How>('new_time');
  const { when, fields: whenFields } = useWhen(session?.minutes ?? 120);
  const [rows, setRows] = useState<TimeRow[]>(emptyTimeRows(2));
  const [note, setNote] = useState('');
  const invalidates = [sessionKeys.case(caseId), pollKeys.case(caseId), caseSummaryKey(caseId)];
  const params = { caseId, requestId: request.id };
  const accept = useChange((body: AcceptMoveBody) => call(acceptMoveRequest, { params, body }), {
    invalidates,
    success: (r) =>
      r.request.answer === 'poll'
        ? t('move.pollDone')
        : t('move.moved', { when: f.dateTime(r.session.startsAt) }),
  });
  const decline = useChange((body: DeclineMoveBody) => call(declineMoveRequest, { params, body }), {
    invalidates,
    success: t('move.kept'),
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
      aria-label={t('move.answerLabel', { name: request.askedBy })}
      onSubmit={(e) => {
        e.preventDefault();
        if (how === 'decline') decline.run(note.trim() ? { note } : {});
        else if (how === 'poll')
          accept.run({ how: 'poll', times: rows.map((r) => ({ date: r.date, time: r.time })) });
        else accept.run({ how: 'new_time', ...when() });
      }}
    >
      <PickOne
        legend={t('move.answer')}
        name={`move-${request.id}`}
        options={{ new_time: t('move.howNew'), poll: t('move.howPoll'), decline: t('move.howKeep') }}
        picked={how}
        onPick={setHow}
      />
      {how === 'new_time' ? whenFields(err) : null}
      {how === 'poll' ? (
        <>
          <p className="m-hint">{t('move.pollHint')}</p>
          <TimeRows rows={rows} setRows={setRows} err={err} />
        </>
      ) : null}
      {how === 'decline' ? (
        <TextArea
          label={t('move.noteLabel')}
          hint={t('move.noteHint')}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          error={err('note')}
          maxLength={1000}
        />
      ) : null}
      <ErrorAlert error={how === 'decline' ? decline.error : accept.error} />
      <Button type="submit" busy={accept.busy || decline.busy}>
        {how === 'decline'
          ? t('move.submitKeep')
          : how === 'poll'
            ? t('move.submitPoll')
            : t('move.submitMove')}
      </Button>
    </form>
  );
}
