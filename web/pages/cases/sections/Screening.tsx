import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseView } from '../../../../contracts/cases.ts';
import * as screening from '../../../../contracts/screening.ts';
import { SAFEGUARDS } from '../../../../domain/screening.ts';
import { caseKeys, useMyScreening, useScreeningResponses } from '../../../api/cases.ts';
import { useChange } from '../../../api/change.ts';
import { call, errorMessage } from '../../../api/client.ts';
import { Alert } from '../../../components/Alert.tsx';
import { Button } from '../../../components/Button.tsx';
import { ChangeStatus } from '../../../components/ChangeStatus.tsx';
import { Choices, TextArea } from '../../../components/Field.tsx';
import { YesNo } from '../../../components/YesNo.tsx';

/**
 * The private screening, while the server shows it: a party answers while the server lets them
 * (and later reads that they did); the mediator or the screening coordinator reviews when the
 * server says they may read the answers.
 */
export function ScreeningSection({ c }: { c: CaseView }) {
  const { t } = useTranslation('case');
  if (!c.screening.shown) return null;
  return (
    <section className="case-section" aria-labelledby="screening">
      <h2 id="screening">{t('screening.heading')}</h2>
      {c.screening.mine !== null ? <PartyScreening c={c} /> : null}
      {c.can.reviewScreening ? <ScreeningReview c={c} /> : null}
      {c.viewer.kind === 'companion' ? <p>{t('screening.companion')}</p> : null}
    </section>
  );
}

function PartyScreening({ c }: { c: CaseView }) {
  const { t } = useTranslation('case');
  const mine = useMyScreening(c.id);
  const [answers, setAnswers] = useState<Record<string, boolean>>({});
  const [note, setNote] = useState('');
  const save = useChange(
    () => call(screening.submitScreening, { params: { caseId: c.id }, body: { answers, note } }),
    { invalidates: [caseKeys.case(c.id)] },
  );
  if (!mine.data) return mine.isError ? <Alert tone="error">{errorMessage(mine.error)}</Alert> : null;
  if (mine.data.submittedAt && save.startedAt !== 0)
    return <Alert tone="success">{t('screening.saved')}</Alert>;
  if (mine.data.submittedAt || !c.can.answerScreening) return <p>{t('screening.answered')}</p>;
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    save.run();
  };
  return (
    <form className="form" onSubmit={onSubmit} noValidate>
      <p>{t('screening.private')}</p>
      <ChangeStatus of={save} />
      {mine.data.questions.map((q) => (
        <YesNo
          key={q.id}
          legend={q.text}
          name={q.id}
          labels={{ yes: t('screening.yes'), no: t('screening.no') }}
          answer={answers[q.id]}
          onAnswer={(yes) => setAnswers((old) => ({ ...old, [q.id]: yes }))}
        />
      ))}
      <TextArea
        label={t('screening.note')}
        name="note"
        value={note}
        onChange={(e) => setNote(e.target.value)}
      />
      <Button type="submit" busy={save.busy}>
        {t('screening.save')}
      </Button>
    </form>
  );
}

function ScreeningReview({ c }: { c: CaseView }) {
  const { t } = useTranslation('case');
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
    { invalidates: [caseKeys.case(c.id)], success: t('screening.decided') },
  );
  if (responses.isError) return <p>{errorMessage(responses.error)}</p>;
  if (!responses.data) return null;
  return (
    <div>
      {responses.data.map((r) => (
        <details key={r.participantId} className="disclosure">
          <summary>
            {t('screening.who', {
              name: r.name,
              status: r.submittedAt
                ? r.suggestion
                  ? t('screening.answeredSuggest', { suggestion: r.suggestion })
                  : t('screening.answeredPlain')
                : t('screening.notAnswered'),
            })}
          </summary>
          {r.answers ? (
            <ul>
              {r.answers.map((a) => (
                <li key={a.id}>
                  {a.text} <strong>{a.answer ? t('screening.yes') : t('screening.no')}</strong>
                </li>
              ))}
            </ul>
          ) : null}
          {r.note ? <p>{t('screening.noteIs', { note: r.note })}</p> : null}
        </details>
      ))}
      <ChangeStatus of={decide} />
      {/* The decision is made once, while the case is at screening; later the answers stay readable. */}
      {c.can.decideScreening ? (
        <>
          <Choices
            legend={t('screening.safeguards')}
            type="checkbox"
            name="safeguards"
            options={responses.data.flatMap((r) =>
              r.safeguardsOffered.map((kind) => ({
                value: `${r.participantId}:${kind}`,
                label: t('screening.safeguardFor', { safeguard: kind, name: r.name }),
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
              {t('screening.proceed')}
            </Button>
            <Button variant="danger" busy={decide.busy} onClick={() => decide.run('not_suitable')}>
              {t('screening.notSuitable')}
            </Button>
          </div>
        </>
      ) : null}
    </div>
  );
}
