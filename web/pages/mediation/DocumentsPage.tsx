import { useState } from 'react';
import {
  addDocumentVersion,
  answerShareRequest,
  askToShareDocument,
  type CaseDocument,
  downloadDocument,
  setDocumentVisibility,
  uploadDocument,
} from '../../../contracts/documents.ts';
import type { Visibility } from '../../../domain/case-talk.ts';
import { formatMissouriStamp } from '../../../domain/missouri-time.ts';
import { describeSize, describeTypes, UPLOADS } from '../../../domain/uploads.ts';
import { useChange } from '../../api/change.ts';
import { call, href } from '../../api/client.ts';
import { documentKeys, useDocuments } from '../../api/documents.ts';
import { readUpload } from '../../api/files.ts';
import { Button } from '../../components/Button.tsx';
import { ChangeStatus } from '../../components/ChangeStatus.tsx';
import { Choices, FileField } from '../../components/Field.tsx';
import { Loading } from '../../components/Loading.tsx';
import { SendForm } from '../../components/SendForm.tsx';
import { ErrorAlert, mediationPage } from './shared.tsx';

const WHO: Record<Visibility, string> = {
  mediator: 'The mediator only',
  everyone: 'Everyone in the case',
};
const RULE = UPLOADS.caseDocument;
const FILE_HINT = `${describeTypes(RULE.types)}, up to ${describeSize(RULE.maxBytes)}.`;

/** The case's document folder: upload, choose who sees each file, versions, sharing with consent. */
export const DocumentsPage = mediationPage('Documents', Documents);

function Documents({ caseId }: { caseId: string }) {
  const folder = useDocuments(caseId);
  if (folder.isPending) return <Loading what="Loading the documents" />;
  if (folder.isError) return <ErrorAlert error={folder.error} />;
  const { documents, visibilities, everyoneRefused, can } = folder.data;
  return (
    <>
      <p>
        Files here are stored encrypted. You choose who sees each one; the mediator can share your file more
        widely only if you agree. Every download is recorded.
      </p>
      {can.upload ? <Upload caseId={caseId} visibilities={visibilities} refused={everyoneRefused} /> : null}
      <section className="m-section" aria-labelledby="docs-heading">
        <h2 id="docs-heading">Files in this case</h2>
        {documents.length === 0 ? <p>No files yet.</p> : null}
        <ul className="m-list">
          {documents.map((d) => (
            <DocumentCard key={d.id} caseId={caseId} d={d} />
          ))}
        </ul>
      </section>
    </>
  );
}

function Upload({
  caseId,
  visibilities,
  refused,
}: {
  caseId: string;
  visibilities: Visibility[];
  refused: string | null;
}) {
  const [file, setFile] = useState<File | null>(null);
  const [visibility, setVisibility] = useState<Visibility>('mediator');
  const [formKey, setFormKey] = useState(0);
  const upload = useChange(
    async () =>
      call(uploadDocument, {
        params: { caseId },
        body: {
          file: file ? await readUpload(file) : { filename: '', contentBase64: '' },
          visibility,
        },
      }),
    {
      invalidates: [documentKeys.case(caseId)],
      onSuccess: () => {
        setFile(null);
        setFormKey((k) => k + 1);
      },
      success: 'Your file is uploaded.',
    },
  );
  return (
    <section className="m-section" aria-labelledby="upload-heading">
      <h2 id="upload-heading">Upload a file</h2>
      <SendForm onSend={() => void upload.run()} busy={upload.busy} submit="Upload the file">
        <FileField
          key={formKey}
          label="File"
          hint={FILE_HINT}
          onFile={setFile}
          error={upload.field('file') ?? upload.field('file.contentBase64') ?? upload.field('file.filename')}
        />
        <Choices
          legend="Who sees it"
          hint={refused ?? undefined}
          type="radio"
          name="visibility"
          options={visibilities.map((v) => ({ value: v, label: WHO[v] }))}
          value={[visibility]}
          onChange={([v]) => setVisibility(v === 'everyone' ? 'everyone' : 'mediator')}
          error={upload.field('visibility')}
        />
        <ChangeStatus of={upload} />
      </SendForm>
    </section>
  );
}

function DocumentCard({ caseId, d }: { caseId: string; d: CaseDocument }) {
  const params = { caseId, documentId: d.id };
  const invalidates = [documentKeys.case(caseId)];
  const share = useChange(() => call(setDocumentVisibility, { params, body: { visibility: 'everyone' } }), {
    invalidates,
    success: 'Everyone in the case can now see this file.',
  });
  const ask = useChange(() => call(askToShareDocument, { params }), {
    invalidates,
    success: 'We asked the person who uploaded it.',
  });
  const answer = useChange((agree: boolean) => call(answerShareRequest, { params, body: { agree } }), {
    invalidates,
    success: 'Thank you: your answer is saved.',
  });
  const headingId = `doc-${d.id}`;
  return (
    <li className="m-card t-doc">
      <h3 id={headingId}>{d.name}</h3>
      <p className="m-hint">
        Uploaded by {d.mine ? 'you' : d.uploadedBy} · Who sees it: {WHO[d.visibility]}
        {d.shareAnswer === 'refused' && !d.shareAsked ? ' · Sharing with everyone was declined' : ''}
      </p>
      <ul className="t-versions" aria-label={`Versions of ${d.name}`}>
        {d.versions.map((v) => (
          <li key={v.version}>
            <a href={href(downloadDocument, { ...params, version: v.version })} download>
              Download version {v.version}
            </a>{' '}
            ({v.name}, {v.size < 1024 ? 'under 1 KB' : describeSize(v.size)},{' '}
            {formatMissouriStamp(v.uploadedAt)}
            {v.uploadedBy !== d.uploadedBy ? `, ${v.uploadedBy}` : ''})
          </li>
        ))}
      </ul>
      {d.shareAsked && !d.can.answerShare ? (
        <p className="m-hint">Waiting for the uploader to agree to share it with everyone.</p>
      ) : null}
      {d.can.answerShare ? (
        <section className="t-consent" aria-labelledby={`${headingId}-ask`}>
          <p id={`${headingId}-ask`}>
            <strong>The mediator asks to share this file with everyone in the case.</strong> Nothing changes
            unless you agree.
          </p>
          <ChangeStatus of={answer} />
          <div className="field-row">
            <Button busy={answer.busy} onClick={() => void answer.run(true)}>
              Agree to share it
            </Button>
            <Button variant="secondary" busy={answer.busy} onClick={() => void answer.run(false)}>
              Keep it with the mediator
            </Button>
          </div>
        </section>
      ) : null}
      {d.can.shareWithEveryone ? (
        <>
          <ChangeStatus of={share} />
          <Button variant="secondary" busy={share.busy} onClick={() => void share.run()}>
            Share with everyone in the case
          </Button>
        </>
      ) : null}
      {d.can.askToShare ? (
        <>
          <ChangeStatus of={ask} />
          <Button variant="secondary" busy={ask.busy} onClick={() => void ask.run()}>
            Ask to share it with everyone
          </Button>
        </>
      ) : null}
      {d.can.addVersion ? <NewVersion caseId={caseId} d={d} /> : null}
    </li>
  );
}

function NewVersion({ caseId, d }: { caseId: string; d: CaseDocument }) {
  const [file, setFile] = useState<File | null>(null);
  const [formKey, setFormKey] = useState(0);
  const add = useChange(
    async () =>
      call(addDocumentVersion, {
        params: { caseId, documentId: d.id },
        body: { file: file ? await readUpload(file) : { filename: '', contentBase64: '' } },
      }),
    {
      invalidates: [documentKeys.case(caseId)],
      onSuccess: () => {
        setFile(null);
        setFormKey((k) => k + 1);
      },
      success: 'The new version is uploaded.',
    },
  );
  return (
    <details className="t-new-version">
      <summary>Upload a new version</summary>
      <SendForm onSend={() => void add.run()} busy={add.busy} submit="Upload the new version">
        <FileField
          key={formKey}
          label={`New version of ${d.name}`}
          hint={FILE_HINT}
          onFile={setFile}
          error={add.field('file') ?? add.field('file.contentBase64') ?? add.field('file.filename')}
        />
        <ChangeStatus of={add} />
      </SendForm>
    </details>
  );
}
