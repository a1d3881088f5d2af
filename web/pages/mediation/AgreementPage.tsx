import { useState } from 'react';
import type { Agreement } from '../../../contracts/agreements.ts';
import * as agreements from '../../../contracts/agreements.ts';
import { agreementKeys, useAgreement, useAgreementDiff, useAgreementDrafting } from '../../api/agreements.ts';
import { useChange } from '../../api/change.ts';
import { ApiError, call, href } from '../../api/client.ts';
import { readUpload } from '../../api/files.ts';
import { Button } from '../../components/Button.tsx';
import { ChangeStatus } from '../../components/ChangeStatus.tsx';
import { Checkbox, FileField, TextArea, TextField } from '../../components/Field.tsx';
import { Loading } from '../../components/Loading.tsx';
import { AgreementDraft } from './AgreementDraft.tsx';
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
  if (view.isPending || drafting.isPending) return <Loading what="Loading the agreement" />;
  if (drafting.isError) return <ErrorAlert error={drafting.error} />;
  const d = drafting.data;
  if (view.isError) {
    if (view.error instanceof ApiError && view.error.status === 404)
      return d.can.write ? (
        <AgreementDraft caseId={caseId} initial={null} issues={d.issues} />
      ) : (
        <p>The mediator has not written the agreement yet.</p>
      );
    return <ErrorAlert error={view.error} />;
  }
  const a = view.data;
  return (
    <>
      <p>
        <span className="m-badge">{STATUS[a.status]}</span> · Version {a.version} ·{' '}
        {a.scope === 'full' ? 'Settles every issue' : 'Settles some of the issues'}
      </p>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must take focus so keyboard users can scroll it */}
      <div className="m-doc" role="document" aria-label="Agreement text" tabIndex={0}>
        {a.text}
      </div>
      {a.can.downloadPdf ? (
        <p>
          <a href={href(agreements.getAgreementPdf, { caseId })} download>
            Download the agreement (PDF)
          </a>
        </p>
      ) : null}
      <section className="m-section" aria-labelledby="signers">
        <h2 id="signers">Who signs</h2>
        <ul>
          {a.signers.map((s) => (
            <li key={s.participantId}>
              {s.name} ({s.capacity}): {s.signedAt ? 'signed' : 'not signed yet'}
            </li>
          ))}
        </ul>
        {a.can.sign ? <SignForm caseId={caseId} a={a} /> : null}
        {a.signing === 'ink' ? <p>This agreement is signed in ink on paper ({a.electronicCite}).</p> : null}
        {a.can.uploadInkCopy ? <InkUpload caseId={caseId} /> : null}
      </section>
      {a.versions.length > 1 ? <Changes caseId={caseId} versions={a.versions} /> : null}
      <Comments caseId={caseId} a={a} />
      {a.can.edit ? (
        <AgreementDraft key={a.version} caseId={caseId} initial={a.content} issues={d.issues} />
      ) : null}
    </>
  );
}

/** Everything on this page that a change to the agreement alters. */
const agreementChanged = (caseId: string) => [agreementKeys.case(caseId), agreementKeys.drafting(caseId)];

function SignForm({ caseId, a }: { caseId: string; a: Agreement }) {
  const [consent, setConsent] = useState(false);
  const [intent, setIntent] = useState(false);
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
          typedName: name,
          attestAuthority: attest,
        },
      }),
    { invalidates: agreementChanged(caseId) },
  );
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        sign.run();
      }}
    >
      <h3>Sign version {a.version}</h3>
      <Checkbox
        label="I agree to sign this electronically."
        checked={consent}
        onChange={setConsent}
        error={sign.field('consentToElectronic')}
      />
      <Checkbox
        label="I have read the agreement and I want to sign it."
        checked={intent}
        onChange={setIntent}
        error={sign.field('intent')}
      />
      {a.mustAttestAuthority ? (
        <Checkbox
          label="I have the authority to bind the school district to this agreement."
          checked={attest}
          onChange={setAttest}
          error={sign.field('attestAuthority')}
        />
      ) : null}
      <TextField
        label="Type your full name to sign"
        value={name}
        onChange={(e) => setName(e.target.value)}
        error={sign.field('typedName')}
        autoComplete="name"
      />
      <ChangeStatus of={sign} />
      <Button type="submit" busy={sign.busy}>
        Sign the agreement
      </Button>
    </form>
  );
}

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

function Comments({ caseId, a }: { caseId: string; a: Agreement }) {
  const [body, setBody] = useState('');
  const add = useChange(() => call(agreements.commentOnAgreement, { params: { caseId }, body: { body } }), {
    invalidates: [agreementKeys.case(caseId)],
    success: 'Comment added.',
    onSuccess: () => setBody(''),
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
