import { useState } from 'react';
import type { Agreement } from '../../../contracts/agreements.ts';
import * as agreements from '../../../contracts/agreements.ts';
import { agreementKeys, useAgreement, useAgreementDiff, useAgreementDrafting } from '../../api/agreements.ts';
import { useChange } from '../../api/change.ts';
import { ApiError, call, href } from '../../api/client.ts';
import { readUpload } from '../../api/files.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { ChangeStatus } from '../../components/ChangeStatus.tsx';
import { FileField, TextArea } from '../../components/Field.tsx';
import { Loading } from '../../components/Loading.tsx';
import { AgreementDocument } from './AgreementDocument.tsx';
import { AgreementDraft } from './AgreementDraft.tsx';
import { SignAgreement, SignedConfirmation } from './SignAgreement.tsx';
import { ErrorAlert, mediationPage } from './shared.tsx';

const STATUS: Record<Agreement['status'], string> = {
  awaiting_signatures: 'Waiting for signatures',
  awaiting_court_approval: 'Signed. Not final until the judge approves it.',
  binding: 'Signed and in force',
};

export const AgreementPage = mediationPage('Written agreement', AgreementView);

function AgreementView({ caseId }: { caseId: string }) {
  const view = useAgreement(caseId);
  const drafting = useAgreementDrafting(caseId);
  const [saved, setSaved] = useState<string | null>(null);
  if (view.isPending || drafting.isPending) return <Loading what="Loading the agreement" />;
  if (drafting.isError) return <ErrorAlert error={drafting.error} />;
  const d = drafting.data;
  if (view.isError) {
    if (view.error instanceof ApiError && view.error.status === 404)
      return d.can.write ? (
        <AgreementDraft caseId={caseId} initial={null} issues={d.issues} onSaved={setSaved} />
      ) : (
        <p>
          The mediator has not sent you the agreement yet. We will e-mail you when it is ready to read and
          sign.
        </p>
      );
    return <ErrorAlert error={view.error} />;
  }
  const a = view.data;
  const draft = a.sentAt === null;
  return (
    <>
      <p className="no-print">
        <span className={`m-badge${draft ? ' m-badge-private' : ''}`}>
          {draft ? 'Your draft: only you can see it' : STATUS[a.status]}
        </span>{' '}
        · Version {a.version} · {a.scope === 'full' ? 'Settles every issue' : 'Settles some of the issues'}
      </p>
      {saved && draft ? <Alert tone="success">{saved}</Alert> : null}
      {draft ? (
        <Alert tone="info" title="Preview: what the parties will see">
          This is your draft. Nobody else can read it yet. Below is exactly what the parties will see when you
          send it for signature.
        </Alert>
      ) : null}
      <SignedConfirmation caseId={caseId} a={a} />
      {a.can.sign ? (
        <aside className="m-advice" aria-labelledby="advice">
          <h2 id="advice">Before you sign</h2>
          <ul>
            {a.advice.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </aside>
      ) : null}
      <AgreementDocument a={a} label={draft ? 'Preview of the agreement' : 'Agreement text'} />
      <p className="no-print m-doc-actions">
        <Button variant="secondary" onClick={() => window.print()}>
          Print the agreement
        </Button>
        {a.can.downloadPdf && !a.signers.some((s) => s.isMe && s.signedAt) ? (
          <a href={href(agreements.getAgreementPdf, { caseId })} download>
            Download the agreement (PDF)
          </a>
        ) : null}
      </p>
      <SendForSignature caseId={caseId} a={a} />
      {a.can.sign ? <SignAgreement key={a.sha256} caseId={caseId} a={a} /> : null}
      <section className="m-section no-print" aria-labelledby="signers">
        <h2 id="signers">Who signs</h2>
        <ul>
          {a.signers.map((s) => (
            <li key={s.participantId}>
              {s.name}
              {roleWords(s.capacity)}: {s.signedAt ? 'signed' : 'not signed yet'}
            </li>
          ))}
        </ul>
        {a.signing === 'ink' ? <p>This agreement is signed in ink on paper ({a.electronicCite}).</p> : null}
        {a.can.uploadInkCopy ? <InkUpload caseId={caseId} /> : null}
      </section>
      {a.versions.length > 1 ? <Changes caseId={caseId} versions={a.versions} /> : null}
      <Comments caseId={caseId} a={a} />
      {a.can.edit ? (
        <AgreementDraft
          key={a.version}
          caseId={caseId}
          initial={a.content}
          issues={d.issues}
          onSaved={setSaved}
        />
      ) : null}
    </>
  );
}

/**
 * The mediator sends the version they previewed: a second step asks them to confirm, saying who
 * will be told. Until then the draft is theirs alone.
 */
function SendForSignature({ caseId, a }: { caseId: string; a: Agreement }) {
  const [confirming, setConfirming] = useState(false);
  const send = useChange(
    () => call(agreements.sendAgreement, { params: { caseId }, body: { version: a.version } }),
    {
      invalidates: agreementChanged(caseId),
      success: (r) => `Version ${r.version} is sent. The parties can read and sign it now.`,
      onSuccess: () => setConfirming(false),
    },
  );
  const names = a.signers.map((s) => s.name).join(', ');
  // Once sent, only the confirmation stays.
  if (!a.can.send)
    return send.message ? (
      <div className="no-print">
        <ChangeStatus of={send} />
      </div>
    ) : null;
  return (
    <section className="m-section no-print" aria-labelledby="send">
      <h2 id="send">Send for signature</h2>
      <ChangeStatus of={send} />
      {confirming ? (
        <div className="m-confirm">
          <p>
            <strong>
              Send version {a.version} to {names} for signature?
            </strong>{' '}
            Everyone on the case gets an e-mail, and the parties can sign it at once. To change it afterwards,
            you write a new version and send that.
          </p>
          <div className="button-row">
            <Button busy={send.busy} onClick={() => send.run()}>
              Yes, send it for signature
            </Button>
            <Button variant="secondary" onClick={() => setConfirming(false)}>
              Not yet
            </Button>
          </div>
        </div>
      ) : (
        <>
          <p>When the preview above says what was agreed, send it to the parties to sign.</p>
          <Button onClick={() => setConfirming(true)}>Send for signature…</Button>
        </>
      )}
    </section>
  );
}

/** Everything on this page that a change to the agreement alters. */
const agreementChanged = (caseId: string) => [agreementKeys.case(caseId), agreementKeys.drafting(caseId)];

function InkUpload({ caseId }: { caseId: string }) {
  const [file, setFile] = useState<File | null>(null);
  const upload = useChange(
    async (chosen: File) =>
      call(agreements.uploadSignedCopy, { params: { caseId }, body: await readUpload(chosen) }),
    { invalidates: agreementChanged(caseId), success: 'The signed copy is uploaded.' },
  );
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (file) upload.run(file);
      }}
    >
      <FileField
        label="Scanned signed copy (PDF, PNG or JPEG, up to 10 MB)"
        accept="application/pdf,image/png,image/jpeg"
        onFile={setFile}
        error={upload.field('contentBase64')}
      />
      <ChangeStatus of={upload} />
      <Button type="submit" disabled={!file} busy={upload.busy}>
        Upload the signed copy
      </Button>
    </form>
  );
}

function Changes({ caseId, versions }: { caseId: string; versions: Agreement['versions'] }) {
  const last = versions.at(-1)!.version;
  const diff = useAgreementDiff(caseId, last - 1, last);
  return (
    <section className="m-section no-print" aria-labelledby="changes">
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

function Comments({ caseId, a }: { caseId: string; a: Agreement }) {
  const [body, setBody] = useState('');
  const add = useChange(() => call(agreements.commentOnAgreement, { params: { caseId }, body: { body } }), {
    invalidates: [agreementKeys.case(caseId)],
    success: 'Comment added.',
    onSuccess: () => setBody(''),
  });
  return (
    <section className="m-section no-print" aria-labelledby="comments">
      <h2 id="comments">Comments</h2>
      {a.comments.length === 0 ? <p>No comments yet.</p> : null}
      <ul>
        {a.comments.map((c) => (
          <li key={c.id}>
            <strong>{c.author}</strong> (version {c.version}): {c.body}
          </li>
        ))}
      </ul>
      {a.can.comment ? (
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
          <ChangeStatus of={add} />
          <Button type="submit" variant="secondary" disabled={!body.trim()} busy={add.busy}>
            Add my comment
          </Button>
        </form>
      ) : null}
    </section>
  );
}

/** A signer's role in words ("Parent", "Attorney for …"); the bare lawyer's "Party" says nothing, so it goes. */
function roleWords(capacity: string): string {
  const words = capacity.replace(/^Party(, |$)/, '');
  return words ? ` (${words})` : '';
}
