import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import * as atm from '../../../../contracts/agreements-to-mediate.ts';
import type { CaseView } from '../../../../contracts/cases.ts';
import type { Language } from '../../../../domain/languages.ts';
import { caseKeys, useAgreementToMediate } from '../../../api/cases.ts';
import { useChange } from '../../../api/change.ts';
import { call, errorMessage, href } from '../../../api/client.ts';
import { Alert } from '../../../components/Alert.tsx';
import { ChangeStatus } from '../../../components/ChangeStatus.tsx';
import { DownloadLink } from '../../../components/DownloadLink.tsx';
import { Checkbox, FieldRow, TextArea, TextField } from '../../../components/Field.tsx';
import { PickOne } from '../../../components/PickOne.tsx';
import { ChangeForm, SendForm } from '../../../components/SendForm.tsx';
import { useFormats } from '../../../i18n.ts';

/** The case page shows the Agreement to Mediate while it is signed, and once everyone has. */
const SHOWN_IN: readonly CaseView['state'][] = ['agreement_to_mediate', 'ready_to_schedule'];

export function AgreementSection({ c }: { c: CaseView }) {
  const { t } = useTranslation('case');
  const formats = useFormats();
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
      success: (r) => (r.state === 'ready_to_schedule' ? t('atm.signedByAll') : t('atm.signedWaiting')),
    },
  );
  if (!show) return null;
  if (!doc.data) return doc.isError ? <Alert tone="error">{errorMessage(doc.error)}</Alert> : null;
  const { sha256 } = doc.data;
  const err = sign.error;
  return (
    <section className="case-section" aria-labelledby="atm">
      <h2 id="atm">{t('atm.heading')}</h2>
      <p>{t('atm.intro')}</p>
      <AgreementText text={doc.data.text} language={doc.data.language} />
      {sign.message ? <Alert tone="success">{sign.message}</Alert> : null}
      <h3>{t('atm.whoSigns')}</h3>
      <ul>
        {doc.data.signers.map((s) => (
          <li key={s.participantId}>
            {t('atm.signer', {
              name: s.name,
              who: signerWords(t, c, s.participantId),
              status: s.signedAt
                ? t('atm.signedAt', { when: formats.stamp(s.signedAt) })
                : t('atm.notSigned'),
            })}
          </li>
        ))}
      </ul>
      {c.can.downloadAgreementToMediate ? (
        <p>
          <DownloadLink href={href(atm.getAgreementToMediatePdf, { caseId: c.id })}>
            {t('atm.download')}
          </DownloadLink>
        </p>
      ) : null}
      {doc.data.missingDisclosures.length > 0 && !doc.data.can.writeDisclosure ? (
        <Alert tone="info">
          {t('atm.missing', {
            missing: new Intl.ListFormat(formats.language, { type: 'conjunction' }).format(
              doc.data.missingDisclosures,
            ),
          })}
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
        <SendForm onSend={() => sign.run(sha256)} busy={sign.busy} submit={t('atm.signButton')}>
          <h3>{t('atm.sign')}</h3>
          {sign.error ? <ChangeStatus of={sign} /> : null}
          <Checkbox
            label={t('atm.consent')}
            checked={consent}
            onChange={setConsent}
            error={err?.field('consentToElectronic')}
          />
          <Checkbox
            label={t('atm.intent')}
            checked={intent}
            onChange={setIntent}
            error={err?.field('intent')}
          />
          <TextField
            label={t('atm.typedName')}
            hint={t('atm.typedNameHint')}
            name="typedName"
            autoComplete="name"
            value={typedName}
            onChange={(e) => setTypedName(e.target.value)}
            error={err?.field('typedName')}
          />
        </SendForm>
      ) : null}
      {c.state === 'ready_to_schedule' ? <Alert tone="success">{t('atm.everyoneSigned')}</Alert> : null}
    </section>
  );
}

/**
 * The Agreement to Mediate as a document to read, the same on a phone: its title, then each
 * section under its heading (the stored text is the title, a blank line, then each section's
 * heading and paragraphs followed by a blank line). The page grows with it: no box that scrolls.
 * It is marked with the text's own language, so a screen reader reads it in that language.
 */
function AgreementText({ text, language }: { text: string; language: Language }) {
  const { t } = useTranslation('case');
  const [title = '', ...rest] = text.split('\n');
  const sections = rest
    .join('\n')
    .split(/\n\s*\n/)
    .map((block) => block.split('\n').filter((line) => line.trim()))
    .filter((lines) => lines.length > 0);
  return (
    <article className="agreement-text" role="document" aria-label={t('atm.textLabel')} lang={language}>
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
function signerWords(t: TFunction<'case'>, c: CaseView, participantId: string): string {
  const p = c.participants.find((x) => x.id === participantId);
  if (!p) return '';
  const words = { side: p.side, me: p.isMe ? 'yes' : 'no', organization: p.organization ?? '' };
  return p.organization ? t('atm.signerForOrganization', words) : t('atm.signerSide', words);
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
  const { t } = useTranslation('case');
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
      success: t('disclosure.saved'),
    },
  );
  return (
    <section aria-labelledby="disclosure">
      <h3 id="disclosure">{t('disclosure.heading')}</h3>
      <p>{t('disclosure.intro')}</p>
      <ChangeStatus of={save} />
      <ChangeForm change={save} busyLabel={t('disclosure.busy')} submit={t('disclosure.submit')}>
        <PickOne
          legend={t('disclosure.how')}
          name="fees-kind"
          options={{ hourly: t('disclosure.hourly'), flat: t('disclosure.flat'), free: t('disclosure.free') }}
          picked={kind}
          onPick={setKind}
          error={save.field('fees.kind') ?? save.field('fees')}
        />
        {kind === 'free' ? (
          <TextField
            label={t('disclosure.paidBy')}
            name="fees-paidBy"
            hint={t('disclosure.paidByHint')}
            value={paidBy}
            onChange={(e) => setPaidBy(e.target.value)}
            error={save.field('fees.paidBy')}
          />
        ) : (
          <>
            <TextField
              label={kind === 'hourly' ? t('disclosure.perHour') : t('disclosure.perMediation')}
              name="fees-cents"
              inputMode="decimal"
              value={amount}
              onChange={(e) => setAmount(e.target.value)}
              error={save.field('fees.cents')}
            />
            <FieldRow>
              <TextField
                label={t('disclosure.otherLabel')}
                name="fees-other-label"
                value={other.label}
                onChange={(e) => setOther({ ...other, label: e.target.value })}
                error={save.field('fees.otherCosts')}
              />
              <TextField
                label={t('disclosure.otherAmount')}
                name="fees-other-amount"
                inputMode="decimal"
                value={other.amount}
                onChange={(e) => setOther({ ...other, amount: e.target.value })}
              />
            </FieldRow>
            <fieldset className="fieldset">
              <legend>{t('disclosure.shares')}</legend>
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
          label={t('disclosure.hasRelationship')}
          checked={hasRelationship}
          onChange={setHasRelationship}
        />
        {hasRelationship ? (
          <TextArea
            label={t('disclosure.relationships')}
            name="relationships"
            value={relationships}
            onChange={(e) => setRelationships(e.target.value)}
            error={save.field('relationships')}
          />
        ) : (
          <p className="field-hint">{t('disclosure.noRelationship')}</p>
        )}
      </ChangeForm>
    </section>
  );
}
