import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type Aid,
  type PointsBody,
  revealPoints,
  sendPoints,
  setItems,
} from '../../../contracts/negotiation.ts';
import { AW_SIDES } from '../../../domain/adjusted-winner.ts';
import type { Side } from '../../../domain/attendance.ts';
import { formatMixed, type Ratio } from '../../../domain/fraction.ts';
import { call } from '../../api/client.ts';
import { Button } from '../../components/Button.tsx';
import { TextField } from '../../components/Field.tsx';
import {
  fieldUnder,
  HowItWorks,
  ItemsField,
  itemsFromLines,
  SuggestionNotice,
  ToTheTable,
  useAidChange,
} from './aid-parts.tsx';
import { ErrorAlert } from './shared.tsx';

/** Adjusted Winner on an issue: the items, each side's private points, and the division. */
export function AdjustedWinnerAid({ caseId, aid }: { caseId: string; aid: Aid }) {
  const { t } = useTranslation('workspace');
  const aw = aid.adjustedWinner!;
  const params = { caseId, aidId: aid.id };
  const reveal = useAidChange(caseId, (revealed: boolean) =>
    call(revealPoints, { params, body: { revealed } }),
  );
  const sentences = AW_SIDES.map((s) =>
    t('aw.sent', { side: aid.sides[s], sent: aw.sent[s] ? 'yes' : 'no' }),
  );
  return (
    <section className="m-section" aria-label={t('aw.name')}>
      <h3>{t('aw.name')}</h3>
      <p>{t('aw.lead')}</p>
      <HowItWorks title={t('aw.howTitle')} paragraphs={AW_HOW.map((paragraph) => t(`aw.how.${paragraph}`))} />
      {aid.can.editItems ? (
        <ItemsForm caseId={caseId} aid={aid} />
      ) : (
        <>
          <h4>{t('aw.items')}</h4>
          <ul>
            {aw.items.map((i) => (
              <li key={i.id}>{i.name}</li>
            ))}
          </ul>
        </>
      )}
      <p>{sentences.join(' ')}</p>
      {aid.can.sendPoints ? <PointsForm caseId={caseId} aid={aid} /> : null}
      {aw.myPoints ? (
        <p>
          {t('aw.yourPoints', {
            list: aw.items
              .map((i) => t('aw.itemPoints', { name: i.name, points: aw.myPoints![i.id] ?? 0 }))
              .join(', '),
          })}
        </p>
      ) : null}
      {aw.result ? <Division aid={aid} /> : null}
      <ErrorAlert error={reveal.error} />
      {aid.can.revealPoints ? (
        <Button variant="secondary" busy={reveal.busy} onClick={() => reveal.run(!aw.pointsRevealed)}>
          {t(aw.pointsRevealed ? 'aw.hide' : 'aw.reveal')}
        </Button>
      ) : null}{' '}
      <ToTheTable caseId={caseId} aid={aid} />
    </section>
  );
}

function ItemsForm({ caseId, aid }: { caseId: string; aid: Aid }) {
  const { t } = useTranslation('workspace');
  const [text, setText] = useState(aid.adjustedWinner!.items.map((i) => i.name).join('\n'));
  const save = useAidChange(caseId, () =>
    call(setItems, {
      params: { caseId, aidId: aid.id },
      body: { items: itemsFromLines(text) },
    }),
  );
  return (
    <form
      className="form"
      onSubmit={(e) => {
        e.preventDefault();
        void save.run();
      }}
    >
      <ItemsField value={text} onChange={setText} hint={t('aw.itemsHint')} change={save} />
      <ErrorAlert error={save.error && !fieldUnder(save, 'items') ? save.error : null} />
      <Button type="submit" variant="secondary" busy={save.busy}>
        {t('aw.saveItems')}
      </Button>
      {save.done ? <p role="status">{t('aw.itemsSaved')}</p> : null}
    </form>
  );
}

function PointsForm({ caseId, aid }: { caseId: string; aid: Aid }) {
  const { t } = useTranslation('workspace');
  const items = aid.adjustedWinner!.items;
  const [values, setValues] = useState<Record<string, string>>({});
  const send = useAidChange(caseId, (body: PointsBody) =>
    call(sendPoints, { params: { caseId, aidId: aid.id }, body }),
  );
  const total = items.reduce((sum, i) => sum + (Number(values[i.id]) || 0), 0);
  return (
    <form
      className="form"
      onSubmit={(e) => {
        e.preventDefault();
        // Each value as typed, so the server names an item left empty or not a whole number.
        void send.run({
          points: Object.fromEntries(
            items.map((i) => [i.id, values[i.id]?.trim() ? Number(values[i.id]) : NaN]),
          ),
        });
      }}
    >
      <h4>{t('aw.pointsHeading')}</h4>
      <p className="m-hint">{t('aw.pointsHint')}</p>
      {items.map((i) => (
        <TextField
          key={i.id}
          label={t('aw.pointsFor', { name: i.name })}
          inputMode="numeric"
          value={values[i.id] ?? ''}
          onChange={(e) => setValues({ ...values, [i.id]: e.target.value })}
          error={send.field(`points.${i.id}`)}
        />
      ))}
      <p aria-live="polite">{t('aw.given', { total })}</p>
      {send.field('points') ? <p className="m-error">{send.field('points')}</p> : null}
      <ErrorAlert error={send.error && !fieldUnder(send, 'points') ? send.error : null} />
      <Button type="submit" busy={send.busy}>
        {t('aw.sendPoints')}
      </Button>
    </form>
  );
}

/** The paragraphs of "How Adjusted Winner works", in order (`aw.how.<paragraph>` in the catalog). */
const AW_HOW = ['points', 'division', 'fair', 'ties', 'suggestion'] as const;

const shareKey = (r: Ratio) => (r.numerator === 0 ? 'none' : r.numerator === r.denominator ? 'all' : null);

/** The division: who gets what, the one shared item as a fraction, and the points each ends with. */
function Division({ aid }: { aid: Aid }) {
  const { t } = useTranslation('workspace');
  const result = aid.adjustedWinner!.result!;
  const cell = (item: (typeof result.items)[number], side: Side) => {
    const points = item.points[side];
    return (
      <>
        {t(`aw.share.${shareKey(item.share[side]) ?? 'part'}`, { part: formatMixed(item.share[side]) })}
        {points === undefined ? null : <span className="m-hint aid-points">{t('aw.gave', { points })}</span>}
      </>
    );
  };
  return (
    <>
      <h4>{t('aw.division')}</h4>
      <table className="table">
        <caption>{t('aw.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('aw.item')}</th>
            <th scope="col">{aid.sides.requester}</th>
            <th scope="col">{aid.sides.respondent}</th>
          </tr>
        </thead>
        <tbody>
          {result.items.map((i) => (
            <tr key={i.itemId}>
              <th scope="row">{i.name}</th>
              <td>{cell(i, 'requester')}</td>
              <td>{cell(i, 'respondent')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>
        {t('aw.endsWith', { points: formatMixed(result.points.requester) })}{' '}
        {t(result.splitItemId ? 'aw.oneShared' : 'aw.noneShared')}
      </p>
      <SuggestionNotice />
    </>
  );
}
