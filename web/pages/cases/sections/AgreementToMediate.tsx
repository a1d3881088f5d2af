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
import { Checkbox, TextField } from '../../../components/Field.tsx';

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
    { invalidates: [caseKeys.case(c.id)] },
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
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard (WCAG 2.1.1) */}
      <div className="agreement-text" tabIndex={0} role="document" aria-label="Agreement to Mediate text">
        {doc.data.text}
      </div>
      <ul>
        {doc.data.signers.map((s) => (
          <li key={s.participantId}>
            {s.name} ({s.capacity}):{' '}
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
      {c.can.signAgreementToMediate ? (
        <form className="form" onSubmit={onSubmit} noValidate>
          <h3>Sign</h3>
          <ChangeStatus of={sign} />
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
