import { useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { formatMissouriDate, formatMissouriStamp } from '../../../domain/missouri-time.ts';
import { useChange } from '../../api/change.ts';
import { api } from '../../api/client.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { Select, TextArea, TextField } from '../../components/Field.tsx';
import { ErrorAlert } from '../mediation/shared.tsx';
import { complianceKey, fileAsBase64, type Milestone } from './types.ts';

const BADGE: Record<Milestone['state'], string> = {
  pending: 'Not done yet',
  done: 'Done (waiting for the other side)',
  confirmed: 'Done',
  disputed: 'Disputed',
  missed: 'Missed',
  waived: 'Waived',
};
const LOG_WORDS: Record<string, string> = {
  created: 'Added from the signed agreement',
  marked_done: 'Marked done',
  confirmed: 'Confirmed done',
  disputed: 'Said it is not done',
  waived: 'Waived',
  missed: 'Missed the date',
  corrected: 'Corrected',
};

/** One promise: what, who, by when, is it done, the evidence, and what this person can do. */
export function MilestoneCard({ caseId, m, today }: { caseId: string; m: Milestone; today: string }) {
  const headingId = useId();
  const client = useQueryClient();
  const refresh = () => client.invalidateQueries({ queryKey: complianceKey(caseId) });
  const url = `/api/v1/cases/${caseId}/milestones/${m.id}`;
  return (
    <section className={`c-card c-${m.overdue ? 'late' : m.state}`} aria-labelledby={headingId}>
      <h2 id={headingId} className="c-what">
        {m.what}
      </h2>
      <p>
        <span className={`c-badge c-badge-${m.overdue ? 'late' : m.state}`}>
          {m.overdue && m.state === 'pending' ? 'Late' : BADGE[m.state]}
        </span>
      </p>
      <dl className="c-facts">
        <div>
          <dt>Who must do it</dt>
          <dd>{m.responsibleLabel}</dd>
        </div>
        <div>
          <dt>By when</dt>
          <dd>
            {formatMissouriDate(m.dueDate)}
            {m.dueWords !== 'on a set date' ? ` (${m.dueWords})` : ''}
          </dd>
        </div>
        <div>
          <dt>What shows it is done</dt>
          <dd>{m.evidenceExpected}</dd>
        </div>
        {m.doneOn ? (
          <div>
            <dt>Done on</dt>
            <dd>{formatMissouriDate(m.doneOn)}</dd>
          </div>
        ) : null}
      </dl>
      <p className="c-state">{m.stateWords}.</p>
      {m.evidence.length ? (
        <>
          <h3>Evidence</h3>
          <ul>
            {m.evidence.map((f) => (
              <li key={f.fileId}>
                <a href={`${url}/evidence/${f.fileId}`} download>
                  {f.filename}
                </a>{' '}
                <span className="muted">
                  ({Math.max(1, Math.round(f.size / 1024))} KB, added {formatMissouriStamp(f.addedAt)})
                </span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {m.can.markDone ? <MarkDone url={url} what={m.what} today={today} onDone={refresh} /> : null}
      {m.can.confirm || m.can.dispute ? <ConfirmOrDispute url={url} m={m} onDone={refresh} /> : null}
      {m.can.waive ? <Waive url={url} what={m.what} onDone={refresh} /> : null}
      {m.can.correct ? <Correct url={url} m={m} onDone={refresh} /> : null}
      <details className="c-log">
        <summary>What happened ({m.log.length})</summary>
        <ul>
          {m.log.map((e) => (
            <li key={e.id}>
              {formatMissouriStamp(e.at)}: {LOG_WORDS[e.kind] ?? e.kind} by {e.by}
              {e.onDate ? `, done on ${formatMissouriDate(e.onDate)}` : ''}
              {e.note ? `. “${e.note}”` : ''}
            </li>
          ))}
        </ul>
      </details>
    </section>
  );
}

function MarkDone({
  url,
  what,
  today,
  onDone,
}: {
  url: string;
  what: string;
  today: string;
  onDone: () => void;
}) {
  const [doneOn, setDoneOn] = useState(today);
  const [note, setNote] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const save = useChange(
    async () =>
      api.post(`${url}/done`, {
        doneOn,
        note,
        files: await Promise.all(
          files.map(async (f) => ({ filename: f.name, contentBase64: await fileAsBase64(f) })),
        ),
      }),
    { onSuccess: onDone },
  );
  return (
    <form
      className="c-form"
      aria-label={`Mark “${what}” done`}
      onSubmit={(e) => {
        e.preventDefault();
        save.run();
      }}
    >
      <h3>Is it done?</h3>
      <TextField
        label="Date it was done"
        type="date"
        value={doneOn}
        max={today}
        onChange={(e) => setDoneOn(e.target.value)}
        error={save.field('doneOn')}
      />
      <TextArea
        label="What was done"
        hint="For example: the first session was on Monday in room 12."
        value={note}
        onChange={(e) => setNote(e.target.value)}
        error={save.field('note')}
      />
      <TextField
        label="Files that show it (PDF, PNG or JPEG, up to 10 MB each)"
        type="file"
        multiple
        accept="application/pdf,image/png,image/jpeg"
        onChange={(e) => setFiles([...(e.target.files ?? [])])}
        error={save.field('files.0.contentBase64')}
      />
      <ErrorAlert error={save.error} />
      <Button type="submit" busy={save.busy}>
        Mark it done
      </Button>
    </form>
  );
}

function ConfirmOrDispute({ url, m, onDone }: { url: string; m: Milestone; onDone: () => void }) {
  const [reason, setReason] = useState('');
  const confirm = useChange(() => api.post(`${url}/confirm`, {}), { onSuccess: onDone });
  const dispute = useChange(() => api.post(`${url}/dispute`, { reason }), { onSuccess: onDone });
  return (
    <div className="c-form">
      <h3>Was it really done?</h3>
      {m.can.confirm ? (
        <p>
          <Button busy={confirm.busy} onClick={() => confirm.run()}>
            Yes, it is done
          </Button>
        </p>
      ) : null}
      <ErrorAlert error={confirm.error} />
      {m.can.dispute ? (
        <form
          aria-label={`Say “${m.what}” is not done`}
          onSubmit={(e) => {
            e.preventDefault();
            dispute.run();
          }}
        >
          <TextArea
            label="If it is not done, say what is missing"
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            error={dispute.field('reason')}
          />
          <ErrorAlert error={dispute.error} />
          <Button type="submit" variant="secondary" busy={dispute.busy}>
            It is not done
          </Button>
        </form>
      ) : null}
    </div>
  );
}

function Waive({ url, what, onDone }: { url: string; what: string; onDone: () => void }) {
  const [sure, setSure] = useState(false);
  const waive = useChange(() => api.post(`${url}/waive`, { confirm: sure }), { onSuccess: onDone });
  return (
    <details className="c-form">
      <summary>Give up this promise</summary>
      <p>
        This promise was made to you. If you do not need it anymore, you can give it up. This cannot be
        undone.
      </p>
      <label className="c-check">
        <input type="checkbox" checked={sure} onChange={(e) => setSure(e.target.checked)} /> I give up “{what}
        ”.
      </label>
      {waive.field('confirm') ? <p className="m-error">{waive.field('confirm')}</p> : null}
      <ErrorAlert error={waive.error} />
      <Button variant="secondary" busy={waive.busy} onClick={() => waive.run()}>
        Waive this promise
      </Button>
    </details>
  );
}

function Correct({ url, m, onDone }: { url: string; m: Milestone; onDone: () => void }) {
  const [dueDate, setDueDate] = useState(m.dueDate);
  const [side, setSide] = useState(m.responsibleSide);
  const [reason, setReason] = useState('');
  const save = useChange(
    () =>
      api.patch(url, {
        ...(dueDate !== m.dueDate ? { due: { kind: 'date', date: dueDate } } : {}),
        ...(side !== m.responsibleSide ? { responsibleSide: side } : {}),
        reason,
      }),
    {
      onSuccess: () => {
        setReason('');
        onDone();
      },
    },
  );
  return (
    <details className="c-form">
      <summary>Correct this promise</summary>
      <TextField
        label="Due date"
        type="date"
        value={dueDate}
        onChange={(e) => setDueDate(e.target.value)}
        error={save.field('due')}
      />
      <Select
        label="Who must do it"
        value={side}
        onChange={(e) => setSide(e.target.value as Milestone['responsibleSide'])}
      >
        <option value="requester">The side who asked for mediation</option>
        <option value="respondent">The other side</option>
        <option value="both">Both sides</option>
      </Select>
      <TextArea
        label="Why (everyone on the case sees this)"
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        error={save.field('reason')}
      />
      {save.done ? <Alert tone="success">Corrected. The change is in the log.</Alert> : null}
      <ErrorAlert error={save.error} />
      <Button variant="secondary" busy={save.busy} onClick={() => save.run()}>
        Save the correction
      </Button>
    </details>
  );
}
