import { useId, useState } from 'react';
import type { Milestone } from '../../../contracts/compliance.ts';
import * as compliance from '../../../contracts/compliance.ts';
import { formatMissouriDate, formatMissouriStamp } from '../../../domain/missouri-time.ts';
import { describeSize, describeTypes, UPLOADS } from '../../../domain/uploads.ts';
import { useChange } from '../../api/change.ts';
import { call, href } from '../../api/client.ts';
import { complianceKeys } from '../../api/compliance.ts';
import { readUpload } from '../../api/files.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { ChangeStatus } from '../../components/ChangeStatus.tsx';
import { Checkbox, Select, TextArea, TextField } from '../../components/Field.tsx';
import { useFormValues } from '../../components/form-values.ts';

const BADGE: Record<Milestone['state'], string> = {
  pending: 'Not done yet',
  done: 'Done (waiting for the other side)',
  confirmed: 'Done',
  disputed: 'Disputed',
  missed: 'Missed',
  waived: 'Waived',
};
const LOG_WORDS: Record<Milestone['log'][number]['kind'], string> = {
  created: 'Added from the signed agreement',
  marked_done: 'Marked done',
  confirmed: 'Confirmed done',
  disputed: 'Said it is not done',
  waived: 'Waived',
  missed: 'Missed the date',
  corrected: 'Corrected',
};
const EVIDENCE = UPLOADS.evidence;

type Target = { caseId: string; milestoneId: string };
type StepTarget = Target & { onSaved: (words: string) => void };

/**
 * Each step on a promise refreshes the case's promises once it is done, and says so on the card:
 * the form that made the step often goes once it is done (a promise marked done is no longer
 * offered "Is it done?"), so the card keeps the confirmation.
 */
function useStep<Vars = void, Result = unknown>(
  target: Target & { onSaved: (words: string) => void },
  step: (vars: Vars) => Promise<Result>,
  saved: string,
) {
  return useChange(step, {
    invalidates: [complianceKeys.case(target.caseId)],
    onSuccess: () => target.onSaved(saved),
  });
}

/** One promise: what, who, by when, is it done, the evidence, and what this person can do. */
export function MilestoneCard({ caseId, m, today }: { caseId: string; m: Milestone; today: string }) {
  const headingId = useId();
  const [saved, setSaved] = useState<string | null>(null);
  const target = { caseId, milestoneId: m.id, onSaved: setSaved };
  const ids = { caseId, milestoneId: m.id };
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
            {m.due.kind !== 'date' ? ` (${m.dueWords})` : ''}
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
      {saved ? <Alert tone="success">{saved}</Alert> : null}
      {m.evidence.length ? (
        <>
          <h3>Evidence</h3>
          <ul>
            {m.evidence.map((f) => (
              <li key={f.fileId}>
                <a href={href(compliance.getEvidenceFile, { ...ids, fileId: f.fileId })} download>
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
      {m.can.markDone ? <MarkDone target={target} what={m.what} today={today} /> : null}
      {m.can.confirm || m.can.dispute ? <ConfirmOrDispute target={target} m={m} /> : null}
      {m.can.waive ? <Waive target={target} what={m.what} /> : null}
      {m.can.correct ? <Correct target={target} m={m} /> : null}
      <details className="c-log">
        <summary>What happened ({m.log.length})</summary>
        <ul>
          {m.log.map((e) => (
            <li key={e.id}>
              {formatMissouriStamp(e.at)}: {LOG_WORDS[e.kind]} by {e.by}
              {e.onDate ? `, done on ${formatMissouriDate(e.onDate)}` : ''}
              {e.note ? `. “${e.note}”` : ''}
            </li>
          ))}
        </ul>
      </details>
    </section>
  );
}

function MarkDone({ target, what, today }: { target: StepTarget; what: string; today: string }) {
  const [files, setFiles] = useState<File[]>([]);
  const save = useStep(
    target,
    async (done: { doneOn: string; note: string }) =>
      call(compliance.markMilestoneDone, {
        params: params(target),
        body: { ...done, files: await Promise.all(files.map(readUpload)) },
      }),
    'Saved: marked done. The other side is asked to confirm it.',
  );
  const form = useFormValues({ doneOn: today, note: '' }, save);
  return (
    <form
      className="c-form"
      aria-label={`Mark “${what}” done`}
      onSubmit={(e) => {
        e.preventDefault();
        save.run(form.values);
      }}
    >
      <h3>Is it done?</h3>
      <TextField label="Date it was done" type="date" max={today} {...form.bind('doneOn')} />
      <TextArea
        label="What was done"
        hint="For example: the first session was on Monday in room 12."
        {...form.bind('note')}
      />
      <TextField
        label={`Files that show it (${describeTypes(EVIDENCE.types)}, up to ${describeSize(EVIDENCE.maxBytes)} each)`}
        type="file"
        multiple
        accept={EVIDENCE.types.join(',')}
        onChange={(e) => setFiles([...(e.target.files ?? [])])}
        error={save.field('files.0.contentBase64')}
      />
      <ChangeStatus of={save} />
      <Button type="submit" busy={save.busy}>
        Mark it done
      </Button>
    </form>
  );
}

function ConfirmOrDispute({ target, m }: { target: StepTarget; m: Milestone }) {
  const [reason, setReason] = useState('');
  const confirm = useStep(
    target,
    () => call(compliance.confirmMilestone, { params: params(target) }),
    'Saved: you confirmed it is done.',
  );
  const dispute = useStep(
    target,
    () => call(compliance.disputeMilestone, { params: params(target), body: { reason } }),
    'Saved: you said it is not done, and what is missing.',
  );
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
      <ChangeStatus of={confirm} />
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
          <ChangeStatus of={dispute} />
          <Button type="submit" variant="secondary" busy={dispute.busy}>
            It is not done
          </Button>
        </form>
      ) : null}
    </div>
  );
}

function Waive({ target, what }: { target: StepTarget; what: string }) {
  const [sure, setSure] = useState(false);
  const waive = useStep(
    target,
    () => call(compliance.waiveMilestone, { params: params(target), body: { confirm: sure } }),
    'Saved: you gave up this promise.',
  );
  return (
    <details className="c-form">
      <summary>Give up this promise</summary>
      <p>
        This promise was made to you. If you do not need it anymore, you can give it up. This cannot be
        undone.
      </p>
      <Checkbox
        label={`I give up “${what}”.`}
        checked={sure}
        onChange={setSure}
        error={waive.field('confirm')}
      />
      <ChangeStatus of={waive} />
      <Button variant="secondary" busy={waive.busy} onClick={() => waive.run()}>
        Waive this promise
      </Button>
    </details>
  );
}

function Correct({ target, m }: { target: StepTarget; m: Milestone }) {
  const [side, setSide] = useState(m.responsibleSide);
  const save = useStep(
    target,
    ({ dueDate, reason }: { dueDate: string; reason: string }) =>
      call(compliance.correctMilestone, {
        params: params(target),
        body: {
          ...(dueDate !== m.dueDate ? { due: { kind: 'date', date: dueDate } } : {}),
          ...(side !== m.responsibleSide ? { responsibleSide: side } : {}),
          reason,
        },
      }),
    'Saved: corrected. The change is in the log.',
  );
  const form = useFormValues({ dueDate: m.dueDate, reason: '' }, save);
  return (
    <details className="c-form">
      <summary>Correct this promise</summary>
      <TextField label="Due date" type="date" {...form.bind('dueDate', 'due')} />
      <Select
        label="Who must do it"
        value={side}
        onChange={(e) => setSide(RESPONSIBLE.find((r) => r === e.target.value) ?? side)}
      >
        <option value="requester">The side who asked for mediation</option>
        <option value="respondent">The other side</option>
        <option value="both">Both sides</option>
      </Select>
      <TextArea label="Why (everyone on the case sees this)" {...form.bind('reason')} />
      <ChangeStatus of={save} />
      <Button
        variant="secondary"
        busy={save.busy}
        onClick={() => save.run(form.values, { onSuccess: () => form.set('reason', '') })}
      >
        Save the correction
      </Button>
    </details>
  );
}

const RESPONSIBLE: Milestone['responsibleSide'][] = ['requester', 'respondent', 'both'];

const params = ({ caseId, milestoneId }: Target): Target => ({ caseId, milestoneId });
