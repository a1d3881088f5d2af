import { useState } from 'react';
import { type Aid, agreeTerms, sendBid } from '../../../contracts/negotiation.ts';
import { AW_SIDES } from '../../../domain/adjusted-winner.ts';
import { BLIND_BIDDING_EXPLANATION, FIGURE_NAME, formatCents } from '../../../domain/blind-bidding.ts';
import { call } from '../../api/client.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { TextField } from '../../components/Field.tsx';
import { HowItWorks, SuggestionNotice, ToTheTable, toCents, useAidChange } from './aid-parts.tsx';
import { ErrorAlert } from './shared.tsx';

/** Blind bidding on an issue: the terms each side agrees, the rounds, and Parley's suggestion. */
export function BlindBiddingAid({ caseId, aid }: { caseId: string; aid: Aid }) {
  const bb = aid.blindBidding!;
  const params = { caseId, aidId: aid.id };
  const agree = useAidChange(caseId, () => call(agreeTerms, { params }));
  const payerSide = bb.claimantSide === 'requester' ? 'respondent' : 'requester';
  const mine = bb.myRole ? FIGURE_NAME[bb.myRole] : null;
  return (
    <section className="m-section" aria-label="Blind bidding">
      <h3>Blind bidding</h3>
      <p>
        {aid.sides[bb.claimantSide]} sends a demand and {aid.sides[payerSide]} sends an offer, each in
        private. Neither side ever sees the other’s figure.
      </p>
      <HowItWorks title="How blind bidding works" paragraphs={BLIND_BIDDING_EXPLANATION} />
      <h4>The terms</h4>
      <ul>
        {bb.termsText.map((t) => (
          <li key={t}>{t}</li>
        ))}
      </ul>
      {bb.state === 'agreeing' ? (
        <>
          <p>
            {AW_SIDES.map((s) => `${aid.sides[s]}: ${bb.agreed[s] ? 'agreed' : 'not agreed yet'}.`).join(' ')}{' '}
            The first round starts when both sides agree.
          </p>
          <ErrorAlert error={agree.error} />
          {aid.can.agreeTerms ? (
            <Button busy={agree.busy} onClick={() => agree.run()}>
              We agree to these terms
            </Button>
          ) : null}
        </>
      ) : null}
      {bb.state === 'bidding' ? (
        <p>
          Round {bb.round} of {bb.terms.roundLimit}.{' '}
          {bb.myRole && !bb.waitingFor.includes(bb.myRole)
            ? `You have sent your ${mine} for this round. Waiting for the other side.`
            : bb.myRole
              ? ''
              : `Waiting for ${bb.waitingFor.map((r) => FIGURE_NAME[r]).join(' and ')}.`}
        </p>
      ) : null}
      {aid.can.bid && bb.myRole ? <BidForm caseId={caseId} aid={aid} /> : null}
      {bb.rounds.some((r) => r.result) ? (
        <>
          <h4>Rounds so far</h4>
          <ol>
            {bb.rounds
              .filter((r) => r.result)
              .map((r) => (
                <li key={r.round}>
                  Round {r.round}: {r.result === 'settle' ? 'the figures met.' : r.text}
                  {r.figures.claimant !== null
                    ? ` ${bb.myRole ? 'Your demand' : 'Demand'}: ${formatCents(r.figures.claimant)}.`
                    : ''}
                  {r.figures.payer !== null
                    ? ` ${bb.myRole ? 'Your offer' : 'Offer'}: ${formatCents(r.figures.payer)}.`
                    : ''}
                </li>
              ))}
          </ol>
        </>
      ) : null}
      {bb.settlement ? (
        <Alert tone="success" title={`Parley suggests settling at ${formatCents(bb.settlement.amountCents)}`}>
          <p>{bb.rounds.at(-1)?.text}</p>
        </Alert>
      ) : null}
      {bb.state === 'no_agreement' ? (
        <p>
          All the rounds have been used without an overlap. The mediator can help you decide what to do next.
        </p>
      ) : null}
      {bb.settlement ? <SuggestionNotice /> : null}
      <ToTheTable caseId={caseId} aid={aid} />
    </section>
  );
}

function BidForm({ caseId, aid }: { caseId: string; aid: Aid }) {
  const bb = aid.blindBidding!;
  const name = FIGURE_NAME[bb.myRole!];
  const [text, setText] = useState('');
  const bid = useAidChange(caseId, (amountCents: number | null) =>
    call(sendBid, { params: { caseId, aidId: aid.id }, body: { amountCents: amountCents as number } }),
  );
  return (
    <form
      className="form"
      onSubmit={(e) => {
        e.preventDefault();
        void bid.run(toCents(text), { onSuccess: () => setText('') });
      }}
    >
      <TextField
        label={`Your ${name} for round ${bb.round}, in dollars`}
        hint={
          bb.myRole === 'claimant'
            ? 'A demand can go down or stay the same from one round to the next.'
            : 'An offer can go up or stay the same from one round to the next.'
        }
        inputMode="decimal"
        value={text}
        onChange={(e) => setText(e.target.value)}
        error={bid.field('amountCents')}
      />
      <ErrorAlert error={bid.error && !bid.field('amountCents') ? bid.error : null} />
      <Button type="submit" busy={bid.busy}>
        Send my {name}
      </Button>
    </form>
  );
}
