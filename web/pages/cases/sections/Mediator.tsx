import { type FormEvent, useState } from 'react';
import type { CaseView } from '../../../../contracts/cases.ts';
import * as selection from '../../../../contracts/selection.ts';
import { caseKeys, useMediatorOptions } from '../../../api/cases.ts';
import { useChange } from '../../../api/change.ts';
import { call, errorMessage } from '../../../api/client.ts';
import { Alert } from '../../../components/Alert.tsx';
import { Button } from '../../../components/Button.tsx';
import { ChangeStatus } from '../../../components/ChangeStatus.tsx';
import { Choices, TextArea } from '../../../components/Field.tsx';

export function MediatorSection({ c }: { c: CaseView }) {
  const choosing = c.can.pickMediators || c.can.appointMediator || c.can.offerByRotation;
  const waiting = c.mediator?.status === 'offered' && !c.mediator.isMe;
  // The forms that answer an offer or appoint a mediator go once they are done: the section keeps
  // the confirmation.
  const [saved, setSaved] = useState<string | null>(null);
  if (!c.mediator && !choosing) return null;
  return (
    <section className="case-section" aria-labelledby="mediator">
      <h2 id="mediator">Your mediator</h2>
      {saved ? <Alert tone="success">{saved}</Alert> : null}
      {c.mediator?.status === 'accepted' ? (
        <>
          <p>
            <strong>{c.mediator.name}</strong> is the mediator.
          </p>
          <p>Conflicts of interest: {c.mediator.disclosure}</p>
        </>
      ) : null}
      {c.can.answerMediatorOffer ? <OfferResponse c={c} onSaved={setSaved} /> : null}
      {waiting ? (
        <p>We asked {c.mediator?.name ?? 'a mediator'} to take the case and are waiting for an answer.</p>
      ) : null}
      {choosing && !waiting ? <Picks c={c} onSaved={setSaved} /> : null}
    </section>
  );
}

function Picks({ c, onSaved }: { c: CaseView; onSaved: (words: string) => void }) {
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
        onSaved(
          body.rotation
            ? 'Saved: the case is offered to the next mediator in rotation. We are waiting for their answer.'
            : 'Saved: the mediator is appointed. We are waiting for their answer.',
        ),
    },
  );
  if (!options.data)
    return options.isError ? <Alert tone="error">{errorMessage(options.error)}</Alert> : null;
  const o = options.data;
  // A mediator who declined the case, or was disqualified from it, is not offered it again.
  const roster = o.roster.filter((m) => !o.declined.includes(m.userId));
  const chosen = picks ?? o.myPicks ?? [];
  const err = save.error;
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    save.run(chosen);
  };
  return (
    <>
      {c.can.pickMediators ? (
        <form className="form" onSubmit={onSubmit} noValidate>
          <p>Mark every mediator you would accept. We offer the case to a mediator both sides marked.</p>
          <ChangeStatus of={save} />
          {o.myPicks && o.sidesPicked.length < 2 ? (
            <Alert tone="info">Your choices are saved. We are waiting for the other side.</Alert>
          ) : null}
          <Choices
            legend="Mediators you would accept"
            type="checkbox"
            name="mediators"
            options={roster.map((m) => ({ value: m.userId, label: m.name }))}
            value={chosen}
            onChange={setPicks}
            error={err?.field('mediatorIds')}
          />
          <Button type="submit" busy={save.busy}>
            Save my choices
          </Button>
        </form>
      ) : null}
      {c.can.appointMediator || c.can.offerByRotation ? (
        <div>
          {o.sidesPicked.length === 2 ? (
            <p>Mediators both sides accept: {o.overlap.map((m) => m.name).join(', ') || 'none yet'}.</p>
          ) : null}
          <ChangeStatus of={appoint} />
          <div className="button-row">
            {c.can.offerByRotation ? (
              <Button variant="secondary" busy={appoint.busy} onClick={() => appoint.run({ rotation: true })}>
                Offer to the next mediator in rotation
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
                    Appoint {m.name}
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
  const [conflict, setConflict] = useState<string[]>(['none']);
  const [disclosure, setDisclosure] = useState('');
  const respond = useChange(
    (accept: boolean) =>
      call(selection.answerMediatorOffer, {
        params: { caseId: c.id },
        body: {
          accept,
          conflict: conflict[0] === 'disclosed' ? 'disclosed' : 'none',
          disclosure: disclosure || undefined,
        },
      }),
    {
      invalidates: [caseKeys.case(c.id), caseKeys.mine()],
      onSuccess: (_r, accept) =>
        onSaved(
          accept
            ? 'Saved: you accepted this case. The parties are told.'
            : 'Saved: you declined this case. The program will find another mediator.',
        ),
    },
  );
  const err = respond.error;
  return (
    <div className="form">
      <p>
        You are asked to mediate this case. Please tell the parties about any relationship or interest that
        could affect your fairness.
      </p>
      <ChangeStatus of={respond} />
      <Choices
        legend="Conflicts of interest"
        type="radio"
        name="conflict"
        options={[
          { value: 'none', label: 'I have no conflict of interest to disclose' },
          { value: 'disclosed', label: 'I have something to disclose' },
        ]}
        value={conflict}
        onChange={setConflict}
      />
      {conflict[0] === 'disclosed' ? (
        <TextArea
          label="What the parties should know"
          name="disclosure"
          value={disclosure}
          onChange={(e) => setDisclosure(e.target.value)}
          error={err?.field('disclosure')}
        />
      ) : null}
      <div className="button-row">
        <Button busy={respond.busy} onClick={() => respond.run(true)}>
          Accept this case
        </Button>
        <Button variant="secondary" busy={respond.busy} onClick={() => respond.run(false)}>
          Decline
        </Button>
      </div>
    </div>
  );
}
