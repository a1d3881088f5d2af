import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Aid, agreeTerms, sendBid } from '../../../contracts/negotiation.ts';
import { AW_SIDES } from '../../../domain/adjusted-winner.ts';
import { call } from '../../api/client.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { TextField } from '../../components/Field.tsx';
import { useFormats } from '../../i18n.ts';
import { HowItWorks, SuggestionNotice, ToTheTable, toCents, useAidChange } from './aid-parts.tsx';
import { ErrorAlert } from './shared.tsx';

/** The paragraphs of "How blind bidding works", in order (`bb.how.<paragraph>` in the catalog). */
const BB_HOW = ['rounds', 'settle', 'steps', 'workOut', 'suggestion'] as const;

/**
 * Blind bidding on an issue: the terms each side agrees, the rounds, and Parley's suggestion.
 * Everything is written here from the aid's figures and states, in the page's language.
 */
export function BlindBiddingAid({ caseId, aid }: { caseId: string; aid: Aid }) {
  const { t } = useTranslation('workspace');
  const formats = useFormats();
  const bb = aid.blindBidding!;
  const params = { caseId, aidId: aid.id };
  const agree = useAidChange(caseId, () => call(agreeTerms, { params }));
  const payerSide = bb.claimantSide === 'requester' ? 'respondent' : 'requester';
  const { gap } = bb.terms;
  const waiting = bb.waitingFor.length > 1 ? 'both' : bb.waitingFor[0] === 'claimant' ? 'claimant' : 'payer';
  return (
    <section className="m-section" aria-label={t('bb.name')}>
      <h3>{t('bb.name')}</h3>
      <p>{t('bb.lead', { claimant: aid.sides[bb.claimantSide], payer: aid.sides[payerSide] })}</p>
      <HowItWorks title={t('bb.howTitle')} paragraphs={BB_HOW.map((paragraph) => t(`bb.how.${paragraph}`))} />
      <h4>{t('bb.terms')}</h4>
      <ul>
        <li>
          {gap.kind === 'none'
            ? t('bb.term.none')
            : gap.kind === 'percent'
              ? t('bb.term.percent', { percent: gap.percent })
              : t('bb.term.amount', { amount: formats.money(gap.cents ?? 0) })}
        </li>
        <li>{t('bb.term.rounds', { count: bb.terms.roundLimit })}</li>
        <li>{t(`bb.term.history.${bb.terms.history}`)}</li>
      </ul>
      {bb.state === 'agreeing' ? (
        <>
          <p>
            {AW_SIDES.map((s) =>
              t('bb.agreed', { side: aid.sides[s], agreed: bb.agreed[s] ? 'yes' : 'no' }),
            ).join(' ')}{' '}
            {t('bb.startsWhen')}
          </p>
          <ErrorAlert error={agree.error} />
          {aid.can.agreeTerms ? (
            <Button busy={agree.busy} onClick={() => agree.run()}>
              {t('bb.agree')}
            </Button>
          ) : null}
        </>
      ) : null}
      {bb.state === 'bidding' ? (
        <p>
          {t('bb.round', { round: bb.round, limit: bb.terms.roundLimit })}{' '}
          {bb.myRole && !bb.waitingFor.includes(bb.myRole)
            ? t('bb.sent', { role: bb.myRole })
            : bb.myRole
              ? ''
              : t('bb.waiting', { waiting })}
        </p>
      ) : null}
      {aid.can.bid && bb.myRole ? <BidForm caseId={caseId} aid={aid} /> : null}
      {bb.rounds.some((r) => r.result) ? (
        <>
          <h4>{t('bb.roundsSoFar')}</h4>
          <ol>
            {bb.rounds
              .filter((r) => r.result)
              .map((r) => (
                <li key={r.round}>
                  {t('bb.roundResult', { round: r.round, result: r.result })}
                  {r.figures.claimant !== null
                    ? ` ${t(bb.myRole ? 'bb.yourFigure' : 'bb.figure', { role: 'claimant', amount: formats.money(r.figures.claimant) })}`
                    : ''}
                  {r.figures.payer !== null
                    ? ` ${t(bb.myRole ? 'bb.yourFigure' : 'bb.figure', { role: 'payer', amount: formats.money(r.figures.payer) })}`
                    : ''}
                </li>
              ))}
          </ol>
        </>
      ) : null}
      {bb.settlement ? (
        <Alert tone="success" title={t('bb.suggests', { amount: formats.money(bb.settlement.amountCents) })}>
          <p>
            {t(`bb.settled.${bb.settlement.basis}`, { amount: formats.money(bb.settlement.amountCents) })}
          </p>
        </Alert>
      ) : null}
      {bb.state === 'no_agreement' ? <p>{t('bb.noAgreement')}</p> : null}
      {bb.settlement ? <SuggestionNotice /> : null}
      <ToTheTable caseId={caseId} aid={aid} />
    </section>
  );
}

function BidForm({ caseId, aid }: { caseId: string; aid: Aid }) {
  const { t } = useTranslation('workspace');
  const bb = aid.blindBidding!;
  const role = bb.myRole!;
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
        label={t('bb.bidLabel', { role, round: bb.round })}
        hint={t(`bb.bidHint.${role}`)}
        inputMode="decimal"
        value={text}
        onChange={(e) => setText(e.target.value)}
        error={bid.field('amountCents')}
      />
      <ErrorAlert error={bid.error && !bid.field('amountCents') ? bid.error : null} />
      <Button type="submit" busy={bid.busy}>
        {t('bb.send', { role })}
      </Button>
    </form>
  );
}
