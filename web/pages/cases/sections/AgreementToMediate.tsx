import { type FormEvent, useState } from 'react';
import * as atm from '../../../../contracts/agreements-to-mediate.ts';
import type { CaseView } from '../../../../contracts/cases.ts';
import { formatMissouriStamp } from '../../../../domain/missouri-time.ts';
import { caseKeys, useAgreementToMediate } from '../../../api/cases.ts';
import { useChange } from '../../../api/change.ts';
import { call, errorMessage, href } from '../../../api/client.ts';
import { Alert } from '../../../components/Alert.tsx';
import { Button } from '../../../components/Button.tsx';
import { ChangeStatus } from '../../../components/ChangeStatus.tsx';
import { Checkbox, Choices, FieldRow, TextArea, TextField } from '../../../components/Field.tsx';
import { SendForm } from '../../../components/SendForm.tsx';

/** The case page shows the Agreement to Mediate while it is signed, and once everyone has. */
const SHOWN_IN: readonly CaseView['state'][] = ['agreement_to_mediate', 'ready_to_schedule'];

export function AgreementSection({ c }: { c: CaseView }) {
  const show = SHOWN_IN.includes(c.state);
  const doc = useAgreementToMediate(c.id, show);
  const [intent, setIntent] = useState(false);
  const [consent, setConsent] = useState(false);
  const [typedName, setTypedName] = useState('');
  const sign = useChange(
    (documentSha256: string) =>
      call(atm.signAgreementToMediate, {
        params: { caseId: c.id },
        body: { documentSha256, intent, consentToElectronic: consent, typedName },
      }),
    {
      invalidates: [caseKeys.case(c.id), caseKeys.agreementToMediate(c.id)],
      success: (r) =>
        r.state === 'ready_to_schedule'
          ? 'Signed. Everyone has signed now: the case is ready to schedule. You can download your copy below.'
          : 'Signed. We will e-mail you when the others have signed; you can download your copy below.',
    },
  );
  if (!show) return null;
  if (!doc.data) return doc.isError ? <Alert tone="error">{errorMessage(doc.error)}</Alert> : null;
  const { sha256 } = doc.data;
  const err = sign.error;
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    sign.run(sha256);
  };
  return (
    <section className="case-section" aria-labelledby="atm">
      <h2 id="atm">Agreement to Mediate</h2>
      <p>
        Every party signs this before the first joint session. It is what keeps what you say in mediation
        private under Missouri law.
      </p>
      <AgreementText text={doc.data.text} />
      {sign.message ? <Alert tone="success">{sign.message}</Alert> : null}
      <h3>Who signs</h3>
      <ul>
        {doc.data.signers.map((s) => (
          <li key={s.participantId}>
            {s.name}
            {signerWords(c, s.participantId)}:{' '}
            {s.signedAt ? `signed ${formatMissouriStamp(s.signedAt)} (Missouri time)` : 'not signed yet'}
          </li>
        ))}
      </ul>
      {c.can.downloadAgreementToMediate ? (
        <p>
          <a
            className="button button-secondary"
            href={href(atm.getAgreementToMediatePdf, { caseId: c.id })}
            download
          >
            Download the Agreement to Mediate (PDF)
          </a>
        </p>
      ) : null}
      {doc.data.missingDisclosures.length > 0 && !doc.data.can.writeDisclosure ? (
        <Alert tone="info">
          The mediator has not yet written {doc.data.missingDisclosures.join(' and ')} into this agreement
          (Rule 88.06(a)). You can sign once they have; you will get an e-mail.
        </Alert>
      ) : null}
      {doc.data.can.writeDisclosure ? (
        <DisclosureForm
          caseId={c.id}
          parties={doc.data.signers.map((s) => s.name)}
          current={doc.data.disclosure}
        />
      ) : null}
      {c.can.signAgreementToMediate ? (
        <form className="form" onSubmit={onSubmit} noValidate>
          <h3>Sign</h3>
          {sign.error ? <ChangeStatus of={sign} /> : null}
          <Checkbox
            label="I agree to sign this electronically."
            checked={consent}
            onChange={setConsent}
            error={err?.field('consentToElectronic')}
          />
          <Checkbox
            label="I have read the Agreement to Mediate and I want to sign it."
            checked={intent}
            onChange={setIntent}
            error={err?.field('intent')}
          />
          <TextField
            label="Type your full name to sign"
            hint="Your first and last name, as they are on your Parley account."
            name="typedName"
            autoComplete="name"
            value={typedName}
            onChange={(e) => setTypedName(e.target.value)}
            error={err?.field('typedName')}
          />
          <Button type="submit" busy={sign.busy}>
            Sign the Agreement to Mediate
          </Button>
        </form>
      ) : null}
      {c.state === 'ready_to_schedule' ? (
        <Alert tone="success">Everyone signed. The case is ready to schedule.</Alert>
      ) : null}
    </section>
  );
}

/**
 * The Agreement to Mediate as a document to read, the same on a phone: its title, then each
 * section under its heading (the stored text is the title, a blank line, then each section's
 * heading and paragraphs followed by a blank line). The page grows with it: no box that scrolls.
 */
function AgreementText({ text }: { text: string }) {
  const [title = '', ...rest] = text.split('\n');
  const sections = rest
    .join('\n')
    .split(/\n\s*\n/)
    .map((block) => block.split('\n').filter((line) => line.trim()))
    .filter((lines) => lines.length > 0);
  return (
    <article className="agreement-text" role="document" aria-label="Agreement to Mediate text">
      <h3 className="agreement-title">{title}</h3>
      {sections.map(([heading = '', ...paragraphs], i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the sections are fixed text, in order
        <section key={i}>
          <h4>{heading}</h4>
          {paragraphs.map((p, j) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: the paragraphs are fixed text, in order
            <p key={j}>{p}</p>
          ))}
        </section>
      ))}
    </article>
  );
}

/** Which side a signer is on, in the words of "Who is taking part", instead of the lawyer's "Party". */
function signerWords(c: CaseView, participantId: string): string {
  const p = c.participants.find((x) => x.id === participantId);
  if (!p) return '';
  const side = p.side === 'requester' ? 'asked for mediation' : 'the other side';
  return ` (${p.organization ? `for ${p.organization}, ` : ''}${side}${p.isMe ? ', you' : ''})`;
}

const dollars = (cents: number) => (cents / 100).toFixed(2);
const toCents = (text: string) => Math.round(Number(text.replace(/[$,\s]/g, '')) * 100);

/**
 * Rule 88.06(a)(1) and (4): the mediator writes the fees in figures, who pays what part, and any
 * relationship or interest that could affect fairness (or that there is none) into the agreement.
 */
function DisclosureForm({
  caseId,
  parties,
  current,
}: {
  caseId: string;
  parties: string[];
  current: atm.AgreementToMediate['disclosure'];
}) {
  const fees = current?.fees;
  const [kind, setKind] = useState<'free' | 'hourly' | 'flat'>(fees?.kind ?? 'hourly');
  const [amount, setAmount] = useState(fees && fees.kind !== 'free' ? dollars(fees.cents) : '');
  const [paidBy, setPaidBy] = useState(fees?.kind === 'free' ? fees.paidBy : '');
  const [other, setOther] = useState(
    fees && fees.kind !== 'free' && fees.otherCosts[0]
      ? { label: fees.otherCosts[0].label, amount: dollars(fees.otherCosts[0].cents) }
      : { label: '', amount: '' },
  );
  const [shares, setShares] = useState<string[]>(() =>
    parties.map((p) =>
      String(
        fees && fees.kind !== 'free'
          ? (fees.shares.find((s) => s.party === p)?.percent ?? '')
          : Math.floor(100 / Math.max(parties.length, 1)) +
              (parties.indexOf(p) === 0 ? 100 % Math.max(parties.length, 1) : 0),
      ),
    ),
  );
  const [hasRelationship, setHasRelationship] = useState(Boolean(current?.relationships));
  const [relationships, setRelationships] = useState(current?.relationships ?? '');
  const save = useChange(
    () =>
      call(atm.writeDisclosure, {
        params: { caseId },
        body: {
          fees:
            kind === 'free'
              ? { kind, paidBy }
              : {
                  kind,
                  cents: toCents(amount),
                  otherCosts: other.label.trim()
                    ? [{ label: other.label, cents: toCents(other.amount) }]
                    : [],
                  shares: parties.map((party, i) => ({ party, percent: Number(shares[i]) })),
                },
          relationships: hasRelationship ? relationships : null,
        },
      }),
    {
      invalidates: [caseKeys.case(caseId), caseKeys.agreementToMediate(caseId)],
      success: 'Written into the agreement. The parties are told it is ready to sign.',
    },
  );
  return (
    <section aria-labelledby="disclosure">
      <h3 id="disclosure">Your written disclosure (Rule 88.06(a))</h3>
      <p>
        Write your fees in figures and any relationship or conflict. The parties sign the agreement with them.
      </p>
      <ChangeStatus of={save} />
      <SendForm
        onSend={() => save.run()}
        busy={save.busy}
        busyLabel="Writing…"
        submit="Write into the agreement"
      >
        <Choices
          legend="How you charge"
          type="radio"
          name="fees-kind"
          options={[
            { value: 'hourly', label: 'By the hour' },
            { value: 'flat', label: 'One fee for the whole mediation' },
            { value: 'free', label: 'Free to the parties' },
          ]}
          value={[kind]}
          onChange={([v]) => setKind(v === 'free' || v === 'flat' ? v : 'hourly')}
          error={save.field('fees.kind') ?? save.field('fees')}
        />
        {kind === 'free' ? (
          <TextField
            label="Who pays for the mediation"
            name="fees-paidBy"
            hint="For example: the circuit court's family mediation fund"
            value={paidBy}
            onChange={(e) => setPaidBy(e.target.value)}
            error={save.field('fees.paidBy')}
          />
        ) : (
          <>
            <TextField
              label={
                kind === 'hourly' ? 'Fee per hour, in dollars' : 'Fee for the whole mediation, in dollars'
              }
              name="fees-cents"
              inputMode="decimal"
              value={amount}
              onChange={(e) => setAmount(e.target.value)}
              error={save.field('fees.cents')}
            />
            <FieldRow>
              <TextField
                label="Another cost (optional): what it is for"
                name="fees-other-label"
                value={other.label}
                onChange={(e) => setOther({ ...other, label: e.target.value })}
                error={save.field('fees.otherCosts')}
              />
              <TextField
                label="Its amount, in dollars"
                name="fees-other-amount"
                inputMode="decimal"
                value={other.amount}
                onChange={(e) => setOther({ ...other, amount: e.target.value })}
              />
            </FieldRow>
            <fieldset className="fieldset">
              <legend>What part each party pays, in percent (adding up to 100)</legend>
              <FieldRow>
                {parties.map((p, i) => (
                  <TextField
                    key={p}
                    label={p}
                    name={`fees-share-${i}`}
                    inputMode="numeric"
                    value={shares[i] ?? ''}
                    onChange={(e) => setShares(shares.map((v, j) => (j === i ? e.target.value : v)))}
                    error={i === 0 ? save.field('fees.shares') : undefined}
                  />
                ))}
              </FieldRow>
            </fieldset>
          </>
        )}
        <Checkbox
          label="I have a relationship with a party, or an interest, that could affect my fairness"
          checked={hasRelationship}
          onChange={setHasRelationship}
        />
        {hasRelationship ? (
          <TextArea
            label="Describe the relationship or interest"
            name="relationships"
            value={relationships}
            onChange={(e) => setRelationships(e.target.value)}
            error={save.field('relationships')}
          />
        ) : (
          <p className="field-hint">The agreement will say you have no such relationship or interest.</p>
        )}
      </SendForm>
    </section>
  );
}
