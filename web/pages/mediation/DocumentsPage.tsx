import { useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import {
  addDocumentVersion,
  answerShareRequest,
  askToShareDocument,
  type CaseDocument,
  downloadDocument,
  setDocumentVisibility,
  uploadDocument,
} from '../../../contracts/documents.ts';
import type { UploadFile } from '../../../contracts/files.ts';
import type { Visibility } from '../../../domain/case-talk.ts';
import { describeSize, describeTypes, UPLOADS } from '../../../domain/uploads.ts';
import { useChange } from '../../api/change.ts';
import { call, href } from '../../api/client.ts';
import { documentKeys, useDocuments } from '../../api/documents.ts';
import { readUpload } from '../../api/files.ts';
import { Button } from '../../components/Button.tsx';
import { ChangeStatus } from '../../components/ChangeStatus.tsx';
import { Choices, FileField } from '../../components/Field.tsx';
import { Loading } from '../../components/Loading.tsx';
import { ChangeForm } from '../../components/SendForm.tsx';
import { useFormats } from '../../i18n.ts';
import { ErrorAlert, mediationPage } from './shared.tsx';

const RULE = UPLOADS.caseDocument;

/** The words of the documents page, with who sees a file and the kinds of file the folder takes. */
function useDocumentWords() {
  const { t } = useTranslation('workspace');
  const { language } = useFormats();
  return {
    t,
    who: (visibility: Visibility) => t(`documents.who.${visibility}`),
    fileHint: t('documents.fileHint', {
      types: describeTypes(RULE.types, language),
      size: describeSize(RULE.maxBytes),
    }),
  };
}

/**
 * A file to send to the folder with `send` (none chosen is sent empty, so the server names the
 * field), and `fileField(label)`: the field to choose it with, started afresh once it is sent.
 */
function useFileSend(caseId: string, send: (file: UploadFile) => Promise<unknown>, success: string) {
  const { fileHint } = useDocumentWords();
  const [file, setFile] = useState<File | null>(null);
  const [formKey, setFormKey] = useState(0);
  const change = useChange(
    async () => send(file ? await readUpload(file) : { filename: '', contentBase64: '' }),
    {
      invalidates: [documentKeys.case(caseId)],
      onSuccess: () => {
        setFile(null);
        setFormKey((k) => k + 1);
      },
      success,
    },
  );
  const fileField = (label: string) => (
    <FileField
      key={formKey}
      label={label}
      hint={fileHint}
      onFile={setFile}
      error={change.field('file') ?? change.field('file.contentBase64') ?? change.field('file.filename')}
    />
  );
  return { change, fileField };
}

/** The case's document folder: upload, choose who sees each file, versions, sharing with consent. */
export const DocumentsPage = mediationPage({ ns: 'workspace', key: 'titles.documents' }, Documents);

function Documents({ caseId }: { caseId: string }) {
  const { t } = useTranslation('workspace');
  const folder = useDocuments(caseId);
  if (folder.isPending) return <Loading what={t('documents.loading')} />;
  if (folder.isError) return <ErrorAlert error={folder.error} />;
  const { documents, visibilities, everyoneRefused, can } = folder.data;
  return (
    <>
      <p>{t('documents.intro')}</p>
      {can.upload ? <Upload caseId={caseId} visibilities={visibilities} refused={everyoneRefused} /> : null}
      <section className="m-section" aria-labelledby="docs-heading">
        <h2 id="docs-heading">{t('documents.filesHeading')}</h2>
        {documents.length === 0 ? <p>{t('documents.none')}</p> : null}
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
  const { t, who } = useDocumentWords();
  const [visibility, setVisibility] = useState<Visibility>('mediator');
  const { change: upload, fileField } = useFileSend(
    caseId,
    (file) => call(uploadDocument, { params: { caseId }, body: { file, visibility } }),
    t('documents.uploaded'),
  );
  return (
    <section className="m-section" aria-labelledby="upload-heading">
      <h2 id="upload-heading">{t('documents.uploadHeading')}</h2>
      <ChangeForm change={upload} submit={t('documents.uploadSubmit')}>
        {fileField(t('documents.file'))}
        <Choices
          legend={t('documents.whoSees')}
          hint={refused ?? undefined}
          type="radio"
          name="visibility"
          options={visibilities.map((v) => ({ value: v, label: who(v) }))}
          value={[visibility]}
          onChange={([v]) => setVisibility(v === 'everyone' ? 'everyone' : 'mediator')}
          error={upload.field('visibility')}
        />
        <ChangeStatus of={upload} />
      </ChangeForm>
    </section>
  );
}

function DocumentCard({ caseId, d }: { caseId: string; d: CaseDocument }) {
  const { t, who } = useDocumentWords();
  const formats = useFormats();
  const params = { caseId, documentId: d.id };
  const invalidates = [documentKeys.case(caseId)];
  const share = useChange(() => call(setDocumentVisibility, { params, body: { visibility: 'everyone' } }), {
    invalidates,
    success: t('documents.shared'),
  });
  const ask = useChange(() => call(askToShareDocument, { params }), {
    invalidates,
    success: t('documents.asked'),
  });
  const answer = useChange((agree: boolean) => call(answerShareRequest, { params, body: { agree } }), {
    invalidates,
    success: t('documents.answered'),
  });
  const headingId = `doc-${d.id}`;
  return (
    <li className="m-card t-doc">
      <h3 id={headingId}>{d.name}</h3>
      <p className="m-hint">
        {d.mine ? t('documents.uploadedByYou') : t('documents.uploadedBy', { name: d.uploadedBy })} ·{' '}
        {t('documents.seenBy', { who: who(d.visibility) })}
        {d.shareAnswer === 'refused' && !d.shareAsked ? <> · {t('documents.declined')}</> : null}
      </p>
      <ul className="t-versions" aria-label={t('documents.versions', { name: d.name })}>
        {d.versions.map((v) => (
          <li key={v.version}>
            <a href={href(downloadDocument, { ...params, version: v.version })} download>
              {t('documents.download', { version: v.version })}
            </a>{' '}
            {t(v.uploadedBy !== d.uploadedBy ? 'documents.versionBy' : 'documents.version', {
              name: v.name,
              size: v.size < 1024 ? t('documents.underOneKb') : describeSize(v.size),
              stamp: formats.stamp(v.uploadedAt),
              by: v.uploadedBy,
            })}
          </li>
        ))}
      </ul>
      {d.shareAsked && !d.can.answerShare ? <p className="m-hint">{t('documents.waiting')}</p> : null}
      {d.can.answerShare ? (
        <section className="t-consent" aria-labelledby={`${headingId}-ask`}>
          <p id={`${headingId}-ask`}>
            <Trans t={t} i18nKey="documents.askedToShare" components={{ strong: <strong /> }} />
          </p>
          <ChangeStatus of={answer} />
          <div className="field-row">
            <Button busy={answer.busy} onClick={() => void answer.run(true)}>
              {t('documents.agree')}
            </Button>
            <Button variant="secondary" busy={answer.busy} onClick={() => void answer.run(false)}>
              {t('documents.keep')}
            </Button>
          </div>
        </section>
      ) : null}
      {d.can.shareWithEveryone ? (
        <>
          <ChangeStatus of={share} />
          <Button variant="secondary" busy={share.busy} onClick={() => void share.run()}>
            {t('documents.shareEveryone')}
          </Button>
        </>
      ) : null}
      {d.can.askToShare ? (
        <>
          <ChangeStatus of={ask} />
          <Button variant="secondary" busy={ask.busy} onClick={() => void ask.run()}>
            {t('documents.askShare')}
          </Button>
        </>
      ) : null}
      {d.can.addVersion ? <NewVersion caseId={caseId} d={d} /> : null}
    </li>
  );
}

function NewVersion({ caseId, d }: { caseId: string; d: CaseDocument }) {
  const { t } = useDocumentWords();
  const { change: add, fileField } = useFileSend(
    caseId,
    (file) => call(addDocumentVersion, { params: { caseId, documentId: d.id }, body: { file } }),
    t('documents.newUploaded'),
  );
  return (
    <details className="t-new-version">
      <summary>{t('documents.newSummary')}</summary>
      <ChangeForm change={add} submit={t('documents.newSubmit')}>
        {fileField(t('documents.newLabel', { name: d.name }))}
        <ChangeStatus of={add} />
      </ChangeForm>
    </details>
  );
}
