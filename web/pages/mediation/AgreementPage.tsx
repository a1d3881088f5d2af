import { useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
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

/** The catalog's <strong> marks bold words inside a sentence. */
const BOLD = { strong: <strong /> };

export const AgreementPage = mediationPage({ ns: 'agreement', key: 'title' }, AgreementView);

function AgreementView({ caseId }: { caseId: string }) {
  const { t } = useTranslation('agreement');
  const view = useAgreement(caseId);
  const drafting = useAgreementDrafting(caseId);
  const [saved, setSaved] = useState<string | null>(null);
  if (view.isPending || drafting.isPending) return <Loading what={t('loading')} />;
  if (drafting.isError) return <ErrorAlert error={drafting.error} />;
  const d = drafting.data;
  if (view.isError) {
    if (view.error instanceof ApiError && view.error.status === 404)
      return d.can.write ? (
        <AgreementDraft caseId={caseId} initial={null} issues={d.issues} onSaved={setSaved} />
      ) : (
        <p>{t('notYet')}</p>
      );
    return <ErrorAlert error={view.error} />;
  }
  const a = view.data;
  const draft = a.sentAt === null;
  return (
    <>
      <p className="no-print">
        <span className={`m-badge${draft ? ' m-badge-private' : ''}`}>
          {draft ? t('draftBadge') : t(`status.${a.status}`)}
        </span>{' '}
        · {t('facts', { version: a.version, scope: a.scope })}
      </p>
      {saved && draft ? <Alert tone="success">{saved}</Alert> : null}
      {draft ? (
        <Alert tone="info" title={t('preview.title')}>
          {t('preview.body')}
        </Alert>
      ) : null}
      <SignedConfirmation caseId={caseId} a={a} />
      {a.can.sign ? (
        <aside className="m-advice" aria-labelledby="advice">
          <h2 id="advice">{t('advice')}</h2>
          <ul>
            {a.advice.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </aside>
      ) : null}
      <AgreementDocument a={a} label={draft ? t('document.preview') : t('document.text')} />
      <p className="no-print m-doc-actions">
        <Button variant="secondary" onClick={() => window.print()}>
          {t('print')}
        </Button>
        {a.can.downloadPdf && !a.signers.some((s) => s.isMe && s.signedAt) ? (
          <a href={href(agreements.getAgreementPdf, { caseId })} download>
            {t('download')}
          </a>
        ) : null}
      </p>
      <SendForSignature caseId={caseId} a={a} />
      {a.can.sign ? <SignAgreement key={a.sha256} caseId={caseId} a={a} /> : null}
      <section className="m-section no-print" aria-labelledby="signers">
        <h2 id="signers">{t('signers.heading')}</h2>
        <ul>
          {a.signers.map((s) => {
            const role = roleWords(s.capacity);
            const signed = s.signedAt ? 'yes' : 'no';
            return (
              <li key={s.participantId}>
                {role
                  ? t('signers.signerAs', { name: s.name, role, signed })
                  : t('signers.signer', { name: s.name, signed })}
              </li>
            );
          })}
        </ul>
        {a.signing === 'ink' ? <p>{t('signers.ink', { cite: a.electronicCite })}</p> : null}
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
  const { t } = useTranslation('agreement');
  const [confirming, setConfirming] = useState(false);
  const send = useChange(
    () => call(agreements.sendAgreement, { params: { caseId }, body: { version: a.version } }),
    {
      invalidates: agreementChanged(caseId),
      success: (r) => t('send.sent', { version: r.version }),
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
      <h2 id="send">{t('send.heading')}</h2>
      <ChangeStatus of={send} />
      {confirming ? (
        <div className="m-confirm">
          <p>
            <Trans t={t} i18nKey="send.confirm" values={{ version: a.version, names }} components={BOLD} />
          </p>
          <div className="button-row">
            <Button busy={send.busy} onClick={() => send.run()}>
              {t('send.yes')}
            </Button>
            <Button variant="secondary" onClick={() => setConfirming(false)}>
              {t('send.notYet')}
            </Button>
          </div>
        </div>
      ) : (
        <>
          <p>{t('send.lead')}</p>
          <Button onClick={() => setConfirming(true)}>{t('send.open')}</Button>
        </>
      )}
    </section>
  );
}

/** Everything on this page that a change to the agreement alters. */
const agreementChanged = (caseId: string) => [agreementKeys.case(caseId), agreementKeys.drafting(caseId)];

function InkUpload({ caseId }: { caseId: string }) {
  const { t } = useTranslation('agreement');
  const [file, setFile] = useState<File | null>(null);
  const upload = useChange(
    async (chosen: File) =>
      call(agreements.uploadSignedCopy, { params: { caseId }, body: await readUpload(chosen) }),
    { invalidates: agreementChanged(caseId), success: t('ink.uploaded') },
  );
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (file) upload.run(file);
      }}
    >
      <FileField
        label={t('ink.label')}
        accept="application/pdf,image/png,image/jpeg"
        onFile={setFile}
        error={upload.field('contentBase64')}
      />
      <ChangeStatus of={upload} />
      <Button type="submit" disabled={!file} busy={upload.busy}>
        {t('ink.upload')}
      </Button>
    </form>
  );
}

function Changes({ caseId, versions }: { caseId: string; versions: Agreement['versions'] }) {
  const { t } = useTranslation('agreement');
  const last = versions.at(-1)!.version;
  const diff = useAgreementDiff(caseId, last - 1, last);
  return (
    <section className="m-section no-print" aria-labelledby="changes">
      <h2 id="changes">{t('changes.heading', { from: last - 1, to: last })}</h2>
      <ul>
        {versions.map((v) => (
          <li key={v.version}>
            {v.changeNote
              ? t('changes.versionNote', { version: v.version, note: v.changeNote })
              : t('changes.version', { version: v.version })}
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
                  <span className="visually-hidden">{t('changes.added')}</span>+ {l.text}
                </ins>
              ) : (
                // biome-ignore lint/suspicious/noArrayIndexKey: a diff's lines have no identity of their own
                <del key={n}>
                  <span className="visually-hidden">{t('changes.removed')}</span>- {l.text}
                </del>
              ),
            )}
        </div>
      ) : null}
    </section>
  );
}

function Comments({ caseId, a }: { caseId: string; a: Agreement }) {
  const { t } = useTranslation('agreement');
  const [body, setBody] = useState('');
  const add = useChange(() => call(agreements.commentOnAgreement, { params: { caseId }, body: { body } }), {
    invalidates: [agreementKeys.case(caseId)],
    success: t('comments.added'),
    onSuccess: () => setBody(''),
  });
  return (
    <section className="m-section no-print" aria-labelledby="comments">
      <h2 id="comments">{t('comments.heading')}</h2>
      {a.comments.length === 0 ? <p>{t('comments.none')}</p> : null}
      <ul>
        {a.comments.map((c) => (
          <li key={c.id}>
            <strong>{c.author}</strong> {t('comments.version', { version: c.version })} {c.body}
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
            label={t('comments.label')}
            value={body}
            rows={2}
            onChange={(e) => setBody(e.target.value)}
          />
          <ChangeStatus of={add} />
          <Button type="submit" variant="secondary" disabled={!body.trim()} busy={add.busy}>
            {t('comments.add')}
          </Button>
        </form>
      ) : null}
    </section>
  );
}

/** A signer's role in words ("Parent", "Attorney for …"); the bare lawyer's "Party" says nothing, so it goes. */
function roleWords(capacity: string): string {
  return capacity.replace(/^Party(, |$)/, '');
}
