import { type FormEvent, useState } from 'react';
import type { CaseView } from '../../../../contracts/cases.ts';
import * as screening from '../../../../contracts/screening.ts';
import { SAFEGUARDS, type Safeguard } from '../../../../domain/screening.ts';
import { caseKeys, useMyScreening, useScreeningResponses } from '../../../api/cases.ts';
import { useChange } from '../../../api/change.ts';
import { call, errorMessage } from '../../../api/client.ts';
import { Alert } from '../../../components/Alert.tsx';
import { Button } from '../../../components/Button.tsx';
import { ChangeStatus } from '../../../components/ChangeStatus.tsx';
import { Choices, TextArea } from '../../../components/Field.tsx';

const SAFEGUARD_WORDS: Record<Safeguard, string> = {
  separate_sessions: 'Separate sessions',
  support_person: 'A support person',
  accommodation: 'An interpreter or other accommodation',
  hide_contact: 'Hide contact details from the other side',
  quick_exit: 'A quick-exit button on their pages',
};

/**
 * The private screening, while the server shows it: a party answers while the server lets them
 * (and later reads that they did); the mediator or the screening coordinator reviews when the
 * server says they may read the answers.
 */
export function ScreeningSection({ c }: { c: CaseView }) {
  if (!c.screening.shown) return null;
  return (
    <section className="case-section" aria-labelledby="screening">
      <h2 id="screening">Private questions about safety</h2>
      {c.screening.mine !== null ? <PartyScreening c={c} /> : null}
      {c.can.reviewScreening ? <ScreeningReview c={c} /> : null}
      {c.viewer.kind === 'companion' ? <p>Each party answers these questions privately.</p> : null}
    </section>
  );
}

function PartyScreening({ c }: { c: CaseView }) {
  const mine = useMyScreening(c.id);
  const [answers, setAnswers] = useState<Record<string, boolean>>({});
  const [note, setNote] = useState('');
  const save = useChange(
    () => call(screening.submitScreening, { params: { caseId: c.id }, body: { answers, note } }),
    { invalidates: [caseKeys.case(c.id)] },
  );
  if (!mine.data) return mine.isError ? <Alert tone="error">{errorMessage(mine.error)}</Alert> : null;
  if (mine.data.submittedAt && save.startedAt !== 0)
    return <Alert tone="success">Thank you. Your answers are saved.</Alert>;
  if (mine.data.submittedAt || !c.can.answerScreening)
    return (
      <p>
        You answered these questions. Only you and the mediator or the screening coordinator can read your
        answers.
      </p>
    );
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    save.run();
  };
  return (
    <form className="form" onSubmit={onSubmit} noValidate>
      <p>
        Only you and the mediator or the screening coordinator can read your answers. The other side never
        sees them.
      </p>
      <ChangeStatus of={save} />
      {mine.data.questions.map((q) => (
        <Choices
          key={q.id}
          legend={q.text}
          type="radio"
          name={q.id}
          options={[
            { value: 'yes', label: 'Yes' },
            { value: 'no', label: 'No' },
          ]}
          value={answers[q.id] === undefined ? [] : [answers[q.id] ? 'yes' : 'no']}
          onChange={(v) => setAnswers((old) => ({ ...old, [q.id]: v[0] === 'yes' }))}
        />
      ))}
      <TextArea
        label="Anything else the mediator should know? (optional)"
        name="note"
        value={note}
        onChange={(e) => setNote(e.target.value)}
      />
      <Button type="submit" busy={save.busy}>
        Save my answers
      </Button>
    </form>
  );
}

/** What the answers point to, in the words of the decision's buttons. */
const SUGGESTION_WORDS = {
  proceed: 'go ahead',
  proceed_with_safeguards: 'go ahead with safeguards',
  not_suitable: 'not suitable for mediation',
} as const;

function ScreeningReview({ c }: { c: CaseView }) {
  const responses = useScreeningResponses(c.id);
  const [safeguards, setSafeguards] = useState<string[]>([]);
  const decide = useChange(
    (decision: screening.ScreeningDecisionBody['decision']) =>
      call(screening.decideScreening, {
        params: { caseId: c.id },
        body: {
          decision,
          safeguards: safeguards.flatMap((value) => {
            const [participantId = '', kind] = value.split(':');
            const safeguard = SAFEGUARDS.find((s) => s === kind);
            return safeguard ? [{ participantId, kind: safeguard }] : [];
          }),
        },
      }),
    { invalidates: [caseKeys.case(c.id)], success: 'Your decision is saved.' },
  );
  if (responses.isError) return <p>{errorMessage(responses.error)}</p>;
  if (!responses.data) return null;
  return (
    <div>
      {responses.data.map((r) => (
        <details key={r.participantId} className="disclosure">
          <summary>
            {r.name}:{' '}
            {r.submittedAt
              ? `answered${r.suggestion ? ` · the answers suggest: ${SUGGESTION_WORDS[r.suggestion]}` : ''}`
              : 'not answered yet'}
          </summary>
          {r.answers ? (
            <ul>
              {r.answers.map((a) => (
                <li key={a.id}>
                  {a.text} <strong>{a.answer ? 'Yes' : 'No'}</strong>
                </li>
              ))}
            </ul>
          ) : null}
          {r.note ? <p>Note: {r.note}</p> : null}
        </details>
      ))}
      <ChangeStatus of={decide} />
      {/* The decision is made once, while the case is at screening; later the answers stay readable. */}
      {c.can.decideScreening ? (
        <>
          <Choices
            legend="Safeguards (if any)"
            type="checkbox"
            name="safeguards"
            options={responses.data.flatMap((r) =>
              r.safeguardsOffered.map((kind) => ({
                value: `${r.participantId}:${kind}`,
                label: `${SAFEGUARD_WORDS[kind]} for ${r.name}`,
              })),
            )}
            value={safeguards}
            onChange={setSafeguards}
          />
          <div className="button-row">
            <Button
              busy={decide.busy}
              onClick={() => decide.run(safeguards.length ? 'proceed_with_safeguards' : 'proceed')}
            >
              Go ahead with mediation
            </Button>
            <Button variant="danger" busy={decide.busy} onClick={() => decide.run('not_suitable')}>
              Not suitable for mediation
            </Button>
          </div>
        </>
      ) : null}
    </div>
  );
}
