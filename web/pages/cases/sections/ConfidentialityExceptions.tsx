import type { CaseView } from '../../../../contracts/cases.ts';
import type { ConfidentialityException, ExceptionBody } from '../../../../contracts/screening.ts';
import * as screening from '../../../../contracts/screening.ts';
import { formatMissouriDate, formatMissouriDateTime } from '../../../../domain/missouri-time.ts';
import { caseKeys, useConfidentialityExceptions } from '../../../api/cases.ts';
import { useChange } from '../../../api/change.ts';
import { call } from '../../../api/client.ts';
import { ChangeStatus } from '../../../components/ChangeStatus.tsx';
import { Choices, TextArea, TextField } from '../../../components/Field.tsx';
import { useFormValues } from '../../../components/form-values.ts';
import { SendForm } from '../../../components/SendForm.tsx';

/** A Missouri day (YYYY-MM-DD) in words. */
const dayOf = (day: string) => formatMissouriDate(`${day}T12:00:00Z`);

/**
 * Confidentiality exceptions, for the case's mediator and the program only (the parties never read
 * them): the mediator records a report made outside the mediation (suspected child abuse or
 * neglect, a threat of serious harm), with the day, to whom, and only what was reported; the
 * program's coordinators are told and review each one with a note.
 */
export function ConfidentialityExceptionsSection({ c }: { c: CaseView }) {
  if (!c.can.seeConfidentialityExceptions) return null;
  return <Exceptions caseId={c.id} />;
}

function Exceptions({ caseId }: { caseId: string }) {
  const list = useConfidentialityExceptions(caseId);
  const data = list.data;
  if (!data) return null;
  return (
    <section className="case-section" aria-labelledby="confidentiality-exceptions">
      <h2 id="confidentiality-exceptions">Confidentiality exceptions</h2>
      <p>
        Only the mediator and the program see this. It records that the mediator reported something outside
        the mediation, as the law allows or requires; the parties do not see it here.
      </p>
      {data.exceptions.length ? (
        <ul className="work-list">
          {data.exceptions.map((e) => (
            <ExceptionItem key={e.id} caseId={caseId} e={e} />
          ))}
        </ul>
      ) : (
        <p>None recorded.</p>
      )}
      {data.can.record ? <RecordForm caseId={caseId} kinds={data.kinds} /> : null}
    </section>
  );
}

function ExceptionItem({ caseId, e }: { caseId: string; e: ConfidentialityException }) {
  // Kept here, not in the form: the form goes once the exception is reviewed, the sentence stays.
  const review = useChange(
    (body: { note: string }) =>
      call(screening.reviewConfidentialityException, { params: { caseId, exceptionId: e.id }, body }),
    { invalidates: [caseKeys.all], success: 'Marked reviewed. The mediator was told.' },
  );
  const form = useFormValues({ note: '' }, review);
  return (
    <li className="work-item">
      <p>
        <strong>{e.kindLabel}</strong>
        {e.reportedOn ? `, reported on ${dayOf(e.reportedOn)}` : ''} to {e.reportedTo}
        {e.reference ? ` (${e.reference})` : ''}.
      </p>
      {e.summary ? <p>What was reported: {e.summary}</p> : null}
      <p className="hint">
        Recorded by {e.recordedBy} on {formatMissouriDateTime(e.recordedAt)}. Where it comes from: {e.cite}
      </p>
      {e.review ? (
        <p>
          Reviewed by {e.review.reviewedBy} on {formatMissouriDateTime(e.review.reviewedAt)}
          {e.review.note ? `: ${e.review.note}` : '.'}
        </p>
      ) : (
        <p>
          <span className="state-badge">Waiting for the program’s review</span>
        </p>
      )}
      <ChangeStatus of={review} />
      {e.can.review ? (
        <SendForm
          onSend={() => review.run(form.values)}
          busy={review.busy}
          busyLabel="Saving…"
          submit="Mark reviewed"
          variant="secondary"
        >
          <TextArea
            label="Review note"
            hint="What the program checked or did. The mediator reads it; the parties do not."
            rows={2}
            {...form.bind('note')}
            name={`note-${e.id}`}
          />
        </SendForm>
      ) : null}
    </li>
  );
}

const EMPTY = { kind: '', reportedOn: '', reportedTo: '', reference: '', summary: '' };

function RecordForm({
  caseId,
  kinds,
}: {
  caseId: string;
  kinds: screening.ConfidentialityExceptions['kinds'];
}) {
  const record = useChange(
    (f: typeof EMPTY) =>
      call(screening.recordConfidentialityException, {
        params: { caseId },
        // An unchosen kind goes as nothing: the server names the field.
        body: {
          ...f,
          ...(f.kind ? {} : { kind: undefined }),
          ...(f.reference ? {} : { reference: undefined }),
        } as ExceptionBody,
      }),
    {
      invalidates: [caseKeys.all],
      success: 'Recorded. The program’s coordinators were told to review it (the e-mail does not say what).',
      onSuccess: (): void => form.reset(),
    },
  );
  const form = useFormValues(EMPTY, record);
  return (
    <>
      <ChangeStatus of={record} />
      <details className="disclosure">
        <summary>Record a confidentiality exception</summary>
        <p>
          Record a report you made outside the mediation. Write only what the report needed, never anything
          else said in the mediation.
        </p>
        <SendForm
          onSend={() => record.run(form.values)}
          busy={record.busy}
          busyLabel="Recording…"
          submit="Record the exception"
        >
          <Choices
            legend="What kind of exception"
            type="radio"
            name="kind"
            options={kinds.map((k) => ({
              value: k.id,
              label: (
                <>
                  Reporting {k.text}. <span className="hint">{k.dutyText}</span>
                </>
              ),
            }))}
            value={form.values.kind ? [form.values.kind] : []}
            onChange={(v) => form.set('kind', v[0] ?? '')}
            error={record.field('kind')}
          />
          <TextField label="Day you reported it" type="date" {...form.bind('reportedOn')} />
          <TextField
            label="Reported to"
            hint="The agency or person, such as the Children’s Division hotline or the police."
            {...form.bind('reportedTo')}
          />
          <TextField
            label="Report number"
            hint="Optional: the number the agency gave the report."
            {...form.bind('reference')}
          />
          <TextArea
            label="What you reported"
            hint="In as few words as the report needed. Only the mediator and the program read it; it is stored encrypted."
            rows={3}
            {...form.bind('summary')}
          />
        </SendForm>
      </details>
    </>
  );
}
