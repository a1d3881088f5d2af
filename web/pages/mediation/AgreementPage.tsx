import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useParams } from 'react-router';
import { useChange } from '../../api/change.ts';
import { ApiError, api } from '../../api/client.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { TextArea, TextField } from '../../components/Field.tsx';
import { Loading } from '../../components/Loading.tsx';
import { AgreementDraft, type Content } from './AgreementDraft.tsx';
import { ErrorAlert, isMediatorOf, MediationPage } from './shared.tsx';

type Agreement = {
  title: string;
  version: number;
  text: string;
  sha256: string;
  content: Content | null;
  scope: 'full' | 'partial';
  signing: 'electronic' | 'ink';
  electronicCite: string;
  status: string;
  binding: boolean;
  courtApprovalNeeded: boolean;
  versions: { version: number; createdAt: string; changeNote: string }[];
  signers: { participantId: string; name: string; capacity: string; signedAt: string | null }[];
  mustAttestAuthority: boolean;
  can: { sign: boolean; edit: boolean };
  inkCopy: boolean;
  comments: { id: string; version: number; author: string; body: string }[];
};

const STATUS: Record<string, string> = {
  awaiting_signatures: 'Waiting for signatures',
  awaiting_court_approval: 'Signed. Not final until the judge approves it.',
  binding: 'Signed and in force',
};

export function AgreementPage() {
  const { caseId = '' } = useParams();
  return (
    <MediationPage caseId={caseId} title="Written agreement">
      {(c) => <AgreementView caseId={caseId} mediator={isMediatorOf(c)} />}
    </MediationPage>
  );
}

function AgreementView({ caseId, mediator }: { caseId: string; mediator: boolean }) {
  const key = ['agreement', caseId];
  const client = useQueryClient();
  const view = useQuery({
    queryKey: key,
    queryFn: () => api.get<Agreement>(`/api/v1/cases/${caseId}/agreement`),
    retry: false,
  });
  const refresh = () => client.invalidateQueries({ queryKey: key });
  if (view.isPending) return <Loading what="Loading the agreement" />;
  if (view.isError) {
    if (view.error instanceof ApiError && view.error.status === 404)
      return mediator ? (
        <AgreementDraft caseId={caseId} initial={null} onSaved={refresh} />
      ) : (
        <p>The mediator has not written the agreement yet.</p>
      );
    return <ErrorAlert error={view.error} />;
  }
  const a = view.data;
  return (
    <>
      <p>
        <span className="m-badge">{STATUS[a.status] ?? a.status}</span> · Version {a.version} ·{' '}
        {a.scope === 'full' ? 'Settles every issue' : 'Settles some of the issues'}
      </p>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must take focus so keyboard users can scroll it */}
      <div className="m-doc" role="document" aria-label="Agreement text" tabIndex={0}>
        {a.text}
      </div>
      <p>
        <a href={`/api/v1/cases/${caseId}/agreement.pdf`} download>
          Download the agreement (PDF)
        </a>
      </p>
      <section className="m-section" aria-labelledby="signers">
        <h2 id="signers">Who signs</h2>
        <ul>
          {a.signers.map((s) => (
            <li key={s.participantId}>
              {s.name} ({s.capacity}): {s.signedAt ? 'signed' : 'not signed yet'}
            </li>
          ))}
        </ul>
        {a.can.sign ? <SignForm caseId={caseId} a={a} onDone={refresh} /> : null}
        {a.signing === 'ink' ? <p>This agreement is signed in ink on paper ({a.electronicCite}).</p> : null}
        {a.signing === 'ink' && mediator && a.status === 'awaiting_signatures' ? (
          <InkUpload caseId={caseId} onDone={refresh} />
        ) : null}
      </section>
      {a.versions.length > 1 ? <Changes caseId={caseId} versions={a.versions} /> : null}
      <Comments caseId={caseId} a={a} onDone={refresh} />
      {a.can.edit ? (
        <AgreementDraft key={a.version} caseId={caseId} initial={a.content} onSaved={refresh} />
      ) : null}
    </>
  );
}

function SignForm({ caseId, a, onDone }: { caseId: string; a: Agreement; onDone: () => void }) {
  const [consent, setConsent] = useState(false);
  const [intent, setIntent] = useState(false);
  const [attest, setAttest] = useState(false);
  const [name, setName] = useState('');
  const sign = useChange(
    () =>
      api.post(`/api/v1/cases/${caseId}/agreement/signatures`, {
        documentSha256: a.sha256,
        intent,
        consentToElectronic: consent,
        typedName: name,
        attestAuthority: attest,
      }),
    { onSuccess: onDone },
  );
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        sign.run();
      }}
    >
      <h3>Sign version {a.version}</h3>
      <fieldset className="m-choices">
        <legend>Before you sign</legend>
        <label>
          <input type="checkbox" checked={consent} onChange={(e) => setConsent(e.target.checked)} /> I agree
          to sign this electronically.
        </label>
        <label>
          <input type="checkbox" checked={intent} onChange={(e) => setIntent(e.target.checked)} /> I have read
          the agreement and I want to sign it.
        </label>
        {a.mustAttestAuthority ? (
          <label>
            <input type="checkbox" checked={attest} onChange={(e) => setAttest(e.target.checked)} /> I have
            the authority to bind the school district to this agreement.
          </label>
        ) : null}
        {sign.field('attestAuthority') ? <p className="m-error">{sign.field('attestAuthority')}</p> : null}
      </fieldset>
      <TextField
        label="Type your full name to sign"
        value={name}
        onChange={(e) => setName(e.target.value)}
        error={sign.field('typedName')}
        autoComplete="name"
      />
      <ErrorAlert error={sign.error} />
      <Button type="submit" busy={sign.busy}>
        Sign the agreement
      </Button>
    </form>
  );
}

function InkUpload({ caseId, onDone }: { caseId: string; onDone: () => void }) {
  const [file, setFile] = useState<File | null>(null);
  const upload = useChange(
    async () => {
      const bytes = new Uint8Array(await file!.arrayBuffer());
      let binary = '';
      for (const b of bytes) binary += String.fromCharCode(b);
      return api.post(`/api/v1/cases/${caseId}/agreement/signed-copy`, {
        filename: file!.name,
        contentBase64: btoa(binary),
      });
    },
    { onSuccess: onDone },
  );
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        upload.run();
      }}
    >
      <TextField
        label="Scanned signed copy (PDF, PNG or JPEG, up to 10 MB)"
        type="file"
        accept="application/pdf,image/png,image/jpeg"
        onChange={(e) => setFile(e.target.files?.[0] ?? null)}
        error={upload.field('contentBase64')}
      />
      <ErrorAlert error={upload.error} />
      <Button type="submit" disabled={!file} busy={upload.busy}>
        Upload the signed copy
      </Button>
    </form>
  );
}

function Changes({ caseId, versions }: { caseId: string; versions: Agreement['versions'] }) {
  const last = versions.at(-1)!.version;
  const diff = useQuery({
    queryKey: ['agreement-diff', caseId, last],
    queryFn: () =>
      api.get<{ lines: { kind: 'same' | 'added' | 'removed'; text: string }[] }>(
        `/api/v1/cases/${caseId}/agreement/diff?from=${last - 1}&to=${last}`,
      ),
  });
  return (
    <section className="m-section" aria-labelledby="changes">
      <h2 id="changes">
        What changed from version {last - 1} to version {last}
      </h2>
      <ul>
        {versions.map((v) => (
          <li key={v.version}>
            Version {v.version}
            {v.changeNote ? `: ${v.changeNote}` : ''}
          </li>
        ))}
      </ul>
      {diff.data ? (
        <div className="m-diff">
          {diff.data.lines
            .filter((l) => l.kind !== 'same')
            .map((l, n) =>
              l.kind === 'added' ? (
                // biome-ignore lint/suspicious/noArrayIndexKey: a diff's lines have no identity of their own
                <ins key={n}>
                  <span className="visually-hidden">Added: </span>+ {l.text}
                </ins>
              ) : (
                // biome-ignore lint/suspicious/noArrayIndexKey: a diff's lines have no identity of their own
                <del key={n}>
                  <span className="visually-hidden">Removed: </span>- {l.text}
                </del>
              ),
            )}
        </div>
      ) : null}
    </section>
  );
}

function Comments({ caseId, a, onDone }: { caseId: string; a: Agreement; onDone: () => void }) {
  const [body, setBody] = useState('');
  const add = useChange(() => api.post(`/api/v1/cases/${caseId}/agreement/comments`, { body }), {
    onSuccess: () => {
      setBody('');
      onDone();
    },
  });
  return (
    <section className="m-section" aria-labelledby="comments">
      <h2 id="comments">Comments</h2>
      {a.comments.length === 0 ? <p>No comments yet.</p> : null}
      <ul>
        {a.comments.map((c) => (
          <li key={c.id}>
            <strong>{c.author}</strong> (version {c.version}): {c.body}
          </li>
        ))}
      </ul>
      {a.status === 'awaiting_signatures' ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            add.run();
          }}
        >
          <TextArea
            label="Your comment on this draft"
            value={body}
            rows={2}
            onChange={(e) => setBody(e.target.value)}
          />
          <ErrorAlert error={add.error} />
          {add.done ? <Alert tone="success">Comment added.</Alert> : null}
          <Button type="submit" variant="secondary" disabled={!body.trim()} busy={add.busy}>
            Add my comment
          </Button>
        </form>
      ) : null}
    </section>
  );
}
