import { useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import type { CaseView } from '../../../../contracts/cases.ts';
import * as selection from '../../../../contracts/selection.ts';
import { caseKeys, useMediatorOptions } from '../../../api/cases.ts';
import { useChange } from '../../../api/change.ts';
import { call, errorMessage } from '../../../api/client.ts';
import { Alert } from '../../../components/Alert.tsx';
import { Button } from '../../../components/Button.tsx';
import { ChangeStatus } from '../../../components/ChangeStatus.tsx';
import { Choices, TextArea } from '../../../components/Field.tsx';
import { PickOne } from '../../../components/PickOne.tsx';
import { SendForm } from '../../../components/SendForm.tsx';

export function MediatorSection({ c }: { c: CaseView }) {
  const { t } = useTranslation('case');
  const choosing = c.can.pickMediators || c.can.appointMediator || c.can.offerByRotation;
  const waiting = c.mediator?.status === 'offered' && !c.mediator.isMe;
  // The forms that answer an offer or appoint a mediator go once they are done: the section keeps
  // the confirmation.
  const [saved, setSaved] = useState<string | null>(null);
  if (!c.mediator && !choosing) return null;
  return (
    <section className="case-section" aria-labelledby="mediator">
      <h2 id="mediator">{t('mediator.heading')}</h2>
      {saved ? <Alert tone="success">{saved}</Alert> : null}
      {c.mediator?.status === 'accepted' ? (
        <>
          <p>
            <Trans
              t={t}
              i18nKey="mediator.is"
              values={{ name: c.mediator.name }}
              components={{ strong: <strong /> }}
            />
          </p>
          <p>{t('mediator.conflicts', { disclosure: c.mediator.disclosure })}</p>
        </>
      ) : null}
      {c.can.answerMediatorOffer ? <OfferResponse c={c} onSaved={setSaved} /> : null}
      {waiting ? (
        <p>
          {c.mediator?.name ? t('mediator.asked', { name: c.mediator.name }) : t('mediator.askedSomeone')}
        </p>
      ) : null}
      {choosing && !waiting ? <Picks c={c} onSaved={setSaved} /> : null}
    </section>
  );
}

function Picks({ c, onSaved }: { c: CaseView; onSaved: (words: string) => void }) {
  const { t } = useTranslation('case');
  const options = useMediatorOptions(c.id);
  const [picks, setPicks] = useState<string[] | null>(null);
  const save = useChange(
    (mediatorIds: string[]) =>
      call(selection.pickMediators, { params: { caseId: c.id }, body: { mediatorIds } }),
    { invalidates: [caseKeys.case(c.id)] },
  );
  const appoint = useChange(
    (body: selection.AppointmentBody) => call(selection.appointMediator, { params: { caseId: c.id }, body }),
    {
      invalidates: [caseKeys.case(c.id)],
      onSuccess: (_r, body) =>
        onSaved(body.rotation ? t('mediator.offeredByRotation') : t('mediator.appointed')),
    },
  );
  if (!options.data)
    return options.isError ? <Alert tone="error">{errorMessage(options.error)}</Alert> : null;
  const o = options.data;
  // A mediator who declined the case, or was disqualified from it, is not offered it again.
  const roster = o.roster.filter((m) => !o.declined.includes(m.userId));
  const chosen = picks ?? o.myPicks ?? [];
  const err = save.error;
  return (
    <>
      {c.can.pickMediators ? (
        <SendForm onSend={() => save.run(chosen)} busy={save.busy} submit={t('mediator.savePicks')}>
          <p>{t('mediator.pickIntro')}</p>
          <ChangeStatus of={save} />
          {o.myPicks && o.sidesPicked.length < 2 ? (
            <Alert tone="info">{t('mediator.picksSaved')}</Alert>
          ) : null}
          <Choices
            legend={t('mediator.picksLegend')}
            type="checkbox"
            name="mediators"
            options={roster.map((m) => ({ value: m.userId, label: m.name }))}
            value={chosen}
            onChange={setPicks}
            error={err?.field('mediatorIds')}
          />
        </SendForm>
      ) : null}
      {c.can.appointMediator || c.can.offerByRotation ? (
        <div>
          {o.sidesPicked.length === 2 ? (
            <p>
              {o.overlap.length
                ? t('mediator.overlap', { names: o.overlap.map((m) => m.name).join(', ') })
                : t('mediator.noOverlap')}
            </p>
          ) : null}
          <ChangeStatus of={appoint} />
          <div className="button-row">
            {c.can.offerByRotation ? (
              <Button variant="secondary" busy={appoint.busy} onClick={() => appoint.run({ rotation: true })}>
                {t('mediator.offerRotation')}
              </Button>
            ) : null}
            {c.can.appointMediator
              ? roster.map((m) => (
                  <Button
                    key={m.userId}
                    variant="secondary"
                    busy={appoint.busy}
                    onClick={() => appoint.run({ mediatorId: m.userId })}
                  >
                    {t('mediator.appoint', { name: m.name })}
                  </Button>
                ))
              : null}
          </div>
        </div>
      ) : null}
    </>
  );
}

function OfferResponse({ c, onSaved }: { c: CaseView; onSaved: (words: string) => void }) {
  const { t } = useTranslation('case');
  const [conflict, setConflict] = useState<'none' | 'disclosed'>('none');
  const [disclosure, setDisclosure] = useState('');
  const respond = useChange(
    (accept: boolean) =>
      call(selection.answerMediatorOffer, {
        params: { caseId: c.id },
        body: {
          accept,
          conflict,
          disclosure: disclosure || undefined,
        },
      }),
    {
      invalidates: [caseKeys.case(c.id), caseKeys.mine()],
      onSuccess: (_r, accept) => onSaved(accept ? t('mediator.accepted') : t('mediator.declined')),
    },
  );
  const err = respond.error;
  return (
    <div className="form">
      <p>{t('mediator.offerIntro')}</p>
      <ChangeStatus of={respond} />
      <PickOne
        legend={t('mediator.conflictLegend')}
        name="conflict"
        options={{ none: t('mediator.noConflict'), disclosed: t('mediator.hasConflict') }}
        picked={conflict}
        onPick={setConflict}
      />
      {conflict === 'disclosed' ? (
        <TextArea
          label={t('mediator.disclosure')}
          name="disclosure"
          value={disclosure}
          onChange={(e) => setDisclosure(e.target.value)}
          error={err?.field('disclosure')}
        />
      ) : null}
      <div className="button-row">
        <Button busy={respond.busy} onClick={() => respond.run(true)}>
          {t('mediator.accept')}
        </Button>
        <Button variant="secondary" busy={respond.busy} onClick={() => respond.run(false)}>
          {t('mediator.decline')}
        </Button>
      </div>
    </div>
  );
}
