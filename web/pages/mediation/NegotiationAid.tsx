import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Issue } from '../../../contracts/issues.ts';
import { type AidList, type StartAidBody, startAid } from '../../../contracts/negotiation.ts';
import { call } from '../../api/client.ts';
import { Button } from '../../components/Button.tsx';
import { FieldRow, Select, TextField } from '../../components/Field.tsx';
import { PickOne } from '../../components/PickOne.tsx';
import { AdjustedWinnerAid } from './AdjustedWinnerAid.tsx';
import { ItemsField, itemsFromLines, toCents, useAidChange } from './aid-parts.tsx';
import { BlindBiddingAid } from './BlindBiddingAid.tsx';
import { ErrorAlert } from './shared.tsx';

/**
 * A negotiation aid on one issue of the board: the form the mediator turns one on with, or the
 * aid itself (Adjusted Winner or blind bidding). What each person may do comes from the aid's `can`.
 */
export function NegotiationAid({ caseId, issue, aids }: { caseId: string; issue: Issue; aids: AidList }) {
  const aid = aids.aids.find((a) => a.issueId === issue.id);
  if (aid?.kind === 'adjusted_winner') return <AdjustedWinnerAid caseId={caseId} aid={aid} />;
  if (aid?.kind === 'blind_bidding') return <BlindBiddingAid caseId={caseId} aid={aid} />;
  return aids.can.start ? <StartAid caseId={caseId} issue={issue} sides={aids.sides} /> : null;
}

function StartAid({ caseId, issue, sides }: { caseId: string; issue: Issue; sides: AidList['sides'] }) {
  const { t } = useTranslation('workspace');
  const [kind, setKind] = useState<'adjusted_winner' | 'blind_bidding'>('adjusted_winner');
  const [items, setItems] = useState('');
  const [claimantSide, setClaimantSide] = useState<'requester' | 'respondent'>('requester');
  const [gapKind, setGapKind] = useState<'none' | 'percent' | 'amount'>('percent');
  const [gap, setGap] = useState('5');
  const [rounds, setRounds] = useState('3');
  const [history, setHistory] = useState<'mediator' | 'no_one'>('mediator');
  const start = useAidChange(caseId, (body: StartAidBody) =>
    call(startAid, { params: { caseId, issueId: issue.id }, body }),
  );
  const send = () => {
    if (kind === 'adjusted_winner') {
      return start.run({ kind, items: itemsFromLines(items) });
    }
    const amount = gapKind === 'amount' ? toCents(gap) : null;
    return start.run({
      kind,
      claimantSide,
      gap:
        gapKind === 'percent'
          ? { kind: 'percent', percent: Number(gap) }
          : gapKind === 'amount'
            ? { kind: 'amount', ...(amount === null ? {} : { cents: amount }) }
            : { kind: 'none' },
      roundLimit: Number(rounds),
      history,
    });
  };
  const other = claimantSide === 'requester' ? 'respondent' : 'requester';
  return (
    <details className="disclosure">
      <summary>{t('aids.use', { title: issue.title })}</summary>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void send();
        }}
      >
        <PickOne
          legend={t('aids.which')}
          name={`aid-kind-${issue.id}`}
          options={{
            adjusted_winner: t('aids.kind.adjusted_winner'),
            blind_bidding: t('aids.kind.blind_bidding'),
          }}
          picked={kind}
          onPick={setKind}
          error={start.field('kind')}
        />
        {kind === 'adjusted_winner' ? (
          <ItemsField value={items} onChange={setItems} hint={t('aids.itemsLater')} change={start} />
        ) : (
          <>
            <p className="m-hint">{t('aids.agreeFirst')}</p>
            <Select
              label={t('aids.claimant')}
              value={claimantSide}
              onChange={(e) => setClaimantSide(e.target.value === 'respondent' ? 'respondent' : 'requester')}
              error={start.field('claimantSide')}
            >
              <option value="requester">{t('aids.sendsDemand', { side: sides.requester })}</option>
              <option value="respondent">{t('aids.sendsDemand', { side: sides.respondent })}</option>
            </Select>
            <p className="m-hint">{t('aids.sendsOffer', { side: sides[other] })}</p>
            <PickOne
              legend={t('aids.when')}
              name={`aid-gap-${issue.id}`}
              options={{
                percent: t('aids.gap.percent'),
                amount: t('aids.gap.amount'),
                none: t('aids.gap.none'),
              }}
              picked={gapKind}
              onPick={setGapKind}
              error={start.field('gap.kind')}
            />
            <FieldRow>
              {gapKind !== 'none' ? (
                <TextField
                  label={t(gapKind === 'percent' ? 'aids.gapPercent' : 'aids.gapDollars')}
                  inputMode="decimal"
                  value={gap}
                  onChange={(e) => setGap(e.target.value)}
                  error={start.field(gapKind === 'percent' ? 'gap.percent' : 'gap.cents')}
                />
              ) : null}
              <TextField
                label={t('aids.rounds')}
                inputMode="numeric"
                value={rounds}
                onChange={(e) => setRounds(e.target.value)}
                error={start.field('roundLimit')}
              />
            </FieldRow>
            <PickOne
              legend={t('aids.history')}
              hint={t('aids.historyHint')}
              name={`aid-history-${issue.id}`}
              options={{ mediator: t('aids.historyMediator'), no_one: t('aids.historyNoOne') }}
              picked={history}
              onPick={setHistory}
              error={start.field('history')}
            />
          </>
        )}
        <ErrorAlert error={start.error} />
        <Button type="submit" variant="secondary" busy={start.busy}>
          {t(`aids.turnOn.${kind}`)}
        </Button>
      </form>
    </details>
  );
}
