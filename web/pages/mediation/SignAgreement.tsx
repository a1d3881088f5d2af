import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Agreement } from '../../../contracts/agreements.ts';
import * as agreements from '../../../contracts/agreements.ts';
import { agreementKeys } from '../../api/agreements.ts';
import { useChange } from '../../api/change.ts';
import { call, href } from '../../api/client.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { ChangeStatus } from '../../components/ChangeStatus.tsx';
import { Checkbox, TextField } from '../../components/Field.tsx';
import { useFormats } from '../../i18n.ts';

/**
 * Signing, as a step that follows reading: the button that opens the signature sits after the
 * whole document, so the boxes cannot be ticked before the agreement was shown. Then consent to
 * sign electronically, "I have read it", the "legally binding" statement, a district's authority,
 * and the signer's full name, each checked by the server.
 */
export function SignAgreement({ caseId, a }: { caseId: string; a: Agreement }) {
  const { t } = useTranslation('agreement');
  const [reading, setReading] = useState(true);
  const [consent, setConsent] = useState(false);
  const [intent, setIntent] = useState(false);
  const [binding, setBinding] = useState(false);
  const [attest, setAttest] = useState(false);
  const [name, setName] = useState('');
  const sign = useChange(
    () =>
      call(agreements.signAgreement, {
        params: { caseId },
        body: {
          documentSha256: a.sha256,
          intent,
          consentToElectronic: consent,
          agreesBinding: binding,
          typedName: name,
          attestAuthority: attest,
        },
      }),
    { invalidates: [agreementKeys.case(caseId)] },
  );
  if (reading)
    return (
      <section className="m-section m-sign no-print" aria-labelledby="sign">
        <h2 id="sign">{t('sign.heading', { version: a.version })}</h2>
        <p>{t('sign.readFirst')}</p>
        <Button onClick={() => setReading(false)}>{t('sign.continue')}</Button>
      </section>
    );
  return (
    <form
      className="m-section m-sign no-print"
      aria-labelledby="sign"
      onSubmit={(e) => {
        e.preventDefault();
        sign.run();
      }}
    >
      <h2 id="sign">{t('sign.heading', { version: a.version })}</h2>
      <Checkbox label={t('sign.intent')} checked={intent} onChange={setIntent} error={sign.field('intent')} />
      <Checkbox
        label={a.bindingStatement}
        checked={binding}
        onChange={setBinding}
        error={sign.field('agreesBinding')}
      />
      <Checkbox
        label={t('sign.consent')}
        checked={consent}
        onChange={setConsent}
        error={sign.field('consentToElectronic')}
      />
      {a.mustAttestAuthority ? (
        <Checkbox
          label={t('sign.authority')}
          checked={attest}
          onChange={setAttest}
          error={sign.field('attestAuthority')}
        />
      ) : null}
      <TextField
        label={t('sign.name')}
        hint={t('sign.nameHint')}
        value={name}
        onChange={(e) => setName(e.target.value)}
        error={sign.field('typedName')}
        autoComplete="name"
      />
      <ChangeStatus of={sign} />
      <Button type="submit" busy={sign.busy}>
        {t('sign.submit')}
      </Button>
    </form>
  );
}

/** After signing: when, what happens next, and the signed copy to keep. */
export function SignedConfirmation({ caseId, a }: { caseId: string; a: Agreement }) {
  const { t } = useTranslation('agreement');
  const f = useFormats();
  const me = a.signers.find((s) => s.isMe);
  if (!me?.signedAt) return null;
  return (
    <section className="m-section m-signed no-print" aria-labelledby="signed">
      <h2 id="signed">{t('signed.heading')}</h2>
      <Alert tone="success">
        {t('signed.when', { version: a.version, when: f.dateTime(me.signedAt), name: me.name })}
      </Alert>
      {a.nextStep ? (
        <p>
          <strong>{t('signed.next')}</strong> {a.nextStep}
        </p>
      ) : null}
      {a.can.downloadPdf ? (
        <p>
          <a className="button" href={href(agreements.getAgreementPdf, { caseId })} download>
            {t('signed.download')}
          </a>
        </p>
      ) : null}
    </section>
  );
}
