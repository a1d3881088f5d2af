import { useState } from 'react';
import {
  type Aid,
  type PointsBody,
  revealPoints,
  sendPoints,
  setItems,
} from '../../../contracts/negotiation.ts';
import { ADJUSTED_WINNER_EXPLANATION, AW_SIDES } from '../../../domain/adjusted-winner.ts';
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
  const aw = aid.adjustedWinner!;
  const params = { caseId, aidId: aid.id };
  const reveal = useAidChange(caseId, (revealed: boolean) =>
    call(revealPoints, { params, body: { revealed } }),
  );
  const sentences = AW_SIDES.map(
    (s) => `${aid.sides[s]}: ${aw.sent[s] ? 'points sent' : 'points not sent yet'}.`,
  );
  return (
    <section className="m-section" aria-label="Adjusted Winner">
      <h3>Adjusted Winner</h3>
      <p>
        Each of you shares out 100 points over the items, in private. Parley then suggests a fair division.
      </p>
      <HowItWorks title="How Adjusted Winner works" paragraphs={ADJUSTED_WINNER_EXPLANATION} />
      {aid.can.editItems ? (
        <ItemsForm caseId={caseId} aid={aid} />
      ) : (
        <>
          <h4>Items to divide</h4>
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
        <p>Your points: {aw.items.map((i) => `${i.name} ${aw.myPoints![i.id] ?? 0}`).join(', ')}.</p>
      ) : null}
      {aw.result ? <Division aid={aid} /> : null}
      <ErrorAlert error={reveal.error} />
      {aid.can.revealPoints ? (
        <Button variant="secondary" busy={reveal.busy} onClick={() => reveal.run(!aw.pointsRevealed)}>
          {aw.pointsRevealed ? 'Hide each side’s points again' : 'Show both sides each other’s points'}
        </Button>
      ) : null}{' '}
      <ToTheTable caseId={caseId} aid={aid} />
    </section>
  );
}

function ItemsForm({ caseId, aid }: { caseId: string; aid: Aid }) {
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
      <ItemsField
        value={text}
        onChange={setText}
        hint="List them together. Once anyone sends points, the list cannot change."
        change={save}
      />
      <ErrorAlert error={save.error && !fieldUnder(save, 'items') ? save.error : null} />
      <Button type="submit" variant="secondary" busy={save.busy}>
        Save the items
      </Button>
      {save.done ? <p role="status">The items are saved.</p> : null}
    </form>
  );
}

function PointsForm({ caseId, aid }: { caseId: string; aid: Aid }) {
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
      <h4>Your points</h4>
      <p className="m-hint">
        Give more points to what matters more to you. The other side does not see your points.
      </p>
      {items.map((i) => (
        <TextField
          key={i.id}
          label={`Points for “${i.name}”`}
          inputMode="numeric"
          value={values[i.id] ?? ''}
          onChange={(e) => setValues({ ...values, [i.id]: e.target.value })}
          error={send.field(`points.${i.id}`)}
        />
      ))}
      <p aria-live="polite">You have given {total} of 100 points.</p>
      {send.field('points') ? <p className="m-error">{send.field('points')}</p> : null}
      <ErrorAlert error={send.error && !fieldUnder(send, 'points') ? send.error : null} />
      <Button type="submit" busy={send.busy}>
        Send my points
      </Button>
    </form>
  );
}

const shareText = (r: Ratio) =>
  r.numerator === 0 ? 'None' : r.numerator === r.denominator ? 'All' : formatMixed(r);

/** The division: who gets what, the one shared item as a fraction, and the points each ends with. */
function Division({ aid }: { aid: Aid }) {
  const result = aid.adjustedWinner!.result!;
  const cell = (item: (typeof result.items)[number], side: Side) => {
    const points = item.points[side];
    return (
      <>
        {shareText(item.share[side])}
        {points === undefined ? null : <span className="m-hint aid-points">gave {points} points</span>}
      </>
    );
  };
  return (
    <>
      <h4>Parley’s suggested division</h4>
      <table className="table">
        <caption>What each side gets of each item</caption>
        <thead>
          <tr>
            <th scope="col">Item</th>
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
        Each side ends with {formatMixed(result.points.requester)} points, by their own count.
        {result.splitItemId
          ? ' One item is shared; the fraction says how much of it each side gets.'
          : ' No item needs to be shared.'}
      </p>
      <SuggestionNotice />
    </>
  );
}
