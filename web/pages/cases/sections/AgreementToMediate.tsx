import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { formatMissouriStamp } from '../../../../domain/missouri-time.ts';
import { useChange } from '../../../api/change.ts';
import { api, errorMessage } from '../../../api/client.ts';
import { Alert } from '../../../components/Alert.tsx';
import { Button } from '../../../components/Button.tsx';
import { ChangeStatus } from '../../../components/ChangeStatus.tsx';
import { Checkbox, TextField } from '../../../components/Field.tsx';
import { type CaseView, caseKey } from '../types.ts';

type Agreement = {
  text: string;
  sha256: string;
  signers: { participantId: string; name: string; capacity: string; signedAt: string | null }[];
};

export function AgreementSection({ c }: { c: CaseView }) {
  const show = ['agreement_to_mediate', 'ready_to_schedule'].includes(c.state);
  const client = useQueryClient();
  const doc = useQuery({
    queryKey: ['atm', c.id, c.state],
    queryFn: () => api.get<Agreement>(`/api/v1/cases/${c.id}/agreement-to-mediate`),
    enabled: show,
  });
  const [intent, setIntent] = useState(false);
  const [consent, setConsent] = useState(false);
  const [typedName, setTypedName] = useState('');
  const sign = useChange(
    () =>
      api.post(`/api/v1/cases/${c.id}/agreement-to-mediate/signatures`, {
        documentSha256: doc.data?.sha256,
        intent,
        consentToElectronic: consent,
        typedName,
      }),
    {
      onSuccess: async () => {
        await client.invalidateQueries({ queryKey: caseKey(c.id) });
        await client.invalidateQueries({ queryKey: ['atm', c.id] });
      },
    },
  );
  if (!show) return null;
  if (!doc.data) return doc.isError ? <Alert tone="error">{errorMessage(doc.error)}</Alert> : null;
  const mine = doc.data.signers.find((s) => s.participantId === c.viewer.participantId);
  const err = sign.error;
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    sign.run();
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
      {c.viewer.kind !== 'companion' ? (
        <p>
          <a
            className="button button-secondary"
            href={`/api/v1/cases/${c.id}/agreement-to-mediate.pdf`}
            download
          >
            Download the Agreement to Mediate (PDF)
          </a>
        </p>
      ) : null}
      {c.viewer.kind === 'party' && mine && !mine.signedAt ? (
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
