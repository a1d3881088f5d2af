import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type Message,
  openThread,
  type ThreadView,
  type WriteMessageBody,
  writeMessage,
} from '../../../contracts/conversations.ts';
import { downloadDocument } from '../../../contracts/documents.ts';
import type { Thread } from '../../../domain/case-talk.ts';
import { useChange } from '../../api/change.ts';
import { call, href } from '../../api/client.ts';
import { conversationKeys, useConversations } from '../../api/conversations.ts';
import { useDocuments } from '../../api/documents.ts';
import { Button } from '../../components/Button.tsx';
import { ChangeStatus } from '../../components/ChangeStatus.tsx';
import { Choices, TextArea } from '../../components/Field.tsx';
import { Loading } from '../../components/Loading.tsx';
import { SendForm } from '../../components/SendForm.tsx';
import { useFormats } from '../../i18n.ts';
import { type CaseSummary, ErrorAlert, mediationPage } from './shared.tsx';

/** Secure messages in a case: each conversation this person reads, and a form to write in it. */
export const MessagesPage = mediationPage({ ns: 'workspace', key: 'titles.messages' }, Messages);

function Messages({ caseId, summary }: { caseId: string; summary: CaseSummary }) {
  const { t } = useTranslation('workspace');
  const view = useConversations(caseId);
  const open = useChange(() => call(openThread, { params: { caseId, thread: 'everyone' } }), {
    invalidates: [conversationKeys.case(caseId)],
    success: t('messages.opened'),
  });
  if (view.isPending) return <Loading what={t('messages.loading')} />;
  if (view.isError) return <ErrorAlert error={view.error} />;
  const { threads, can, everyoneRefused } = view.data;
  return (
    <>
      <p>{t('messages.intro')}</p>
      {everyoneRefused ? <p className="m-hint">{everyoneRefused}</p> : null}
      {can.openEveryone ? (
        <div className="m-section">
          <p className="m-hint">{t('messages.openHint')}</p>
          <ChangeStatus of={open} />
          <Button variant="secondary" busy={open.busy} onClick={() => void open.run()}>
            {t('messages.openEveryone')}
          </Button>
        </div>
      ) : null}
      {threads.map((thread) => (
        <Conversation
          key={thread.id}
          caseId={caseId}
          thread={thread}
          withDocuments={summary.steps.some((s) => s.id === 'documents')}
        />
      ))}
    </>
  );
}

function Conversation({
  caseId,
  thread,
  withDocuments,
}: {
  caseId: string;
  thread: ThreadView;
  withDocuments: boolean;
}) {
  const { t } = useTranslation('workspace');
  const headingId = `thread-${thread.id}`;
  return (
    <section className="m-section t-thread" aria-labelledby={headingId}>
      <h2 id={headingId}>{thread.label}</h2>
      <p className="m-hint">{t('messages.readers', { readers: thread.readers })}</p>
      {thread.messages.length === 0 ? (
        <p>{t('messages.none')}</p>
      ) : (
        <ol className="t-messages" aria-label={t('messages.listLabel', { thread: thread.label })}>
          {thread.messages.map((m) => (
            <MessageItem key={m.id} caseId={caseId} m={m} />
          ))}
        </ol>
      )}
      {thread.can.write ? (
        <WriteForm caseId={caseId} thread={thread.id} label={thread.label} withDocuments={withDocuments} />
      ) : null}
    </section>
  );
}

function MessageItem({ caseId, m }: { caseId: string; m: Message }) {
  const { t } = useTranslation('workspace');
  const formats = useFormats();
  return (
    <li className={`t-message${m.mine ? ' t-mine' : ''}`}>
      <p className="t-meta">
        <strong>{m.mine ? t('messages.you') : m.author}</strong> · {formats.stamp(m.sentAt)}
      </p>
      <p className="t-body">{m.body}</p>
      {m.attachments.length > 0 ? (
        <ul className="t-attachments" aria-label={t('messages.attached')}>
          {m.attachments.map((a) => (
            <li key={a.documentId}>
              <a
                href={href(downloadDocument, { caseId, documentId: a.documentId, version: a.version })}
                download
              >
                {a.name}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
      {m.hiddenAttachments > 0 ? (
        <p className="m-hint">{t('messages.hiddenAttachments', { count: m.hiddenAttachments })}</p>
      ) : null}
    </li>
  );
}

function WriteForm({
  caseId,
  thread,
  label,
  withDocuments,
}: {
  caseId: string;
  thread: Thread;
  label: string;
  withDocuments: boolean;
}) {
  const { t } = useTranslation('workspace');
  const [body, setBody] = useState('');
  const [attach, setAttach] = useState<string[]>([]);
  const send = useChange(
    (message: WriteMessageBody) => call(writeMessage, { params: { caseId, thread }, body: message }),
    {
      invalidates: [conversationKeys.case(caseId)],
      onSuccess: () => {
        setBody('');
        setAttach([]);
      },
      success: t('messages.sent'),
    },
  );
  return (
    <SendForm
      onSend={() => void send.run({ body, ...(attach.length ? { documentIds: attach } : {}) })}
      busy={send.busy}
      submit={t('messages.send')}
    >
      <TextArea
        label={t('messages.write', { thread: label })}
        value={body}
        onChange={(e) => setBody(e.target.value)}
        error={send.field('body') ?? send.field('thread')}
      />
      {withDocuments ? (
        <Attach caseId={caseId} value={attach} onChange={setAttach} error={send.field('documentIds')} />
      ) : null}
      <ChangeStatus of={send} />
    </SendForm>
  );
}

/** The case's documents this person sees, to attach to a message. */
function Attach({
  caseId,
  value,
  onChange,
  error,
}: {
  caseId: string;
  value: string[];
  onChange: (ids: string[]) => void;
  error: string | undefined;
}) {
  const { t } = useTranslation('workspace');
  const docs = useDocuments(caseId);
  const list = docs.data?.documents ?? [];
  if (list.length === 0) return null;
  return (
    <details className="t-attach">
      <summary>{t('messages.attachSummary')}</summary>
      <Choices
        legend={t('messages.attachLegend')}
        hint={t('messages.attachHint')}
        type="checkbox"
        name="attach"
        options={list.map((d) => ({ value: d.id, label: d.name }))}
        value={value}
        onChange={onChange}
        error={error}
      />
    </details>
  );
}
