import { useState } from 'react';
import {
  type Message,
  openThread,
  type ThreadView,
  type WriteMessageBody,
  writeMessage,
} from '../../../contracts/conversations.ts';
import { downloadDocument } from '../../../contracts/documents.ts';
import type { Thread } from '../../../domain/case-talk.ts';
import { formatMissouriStamp } from '../../../domain/missouri-time.ts';
import { useChange } from '../../api/change.ts';
import { call, href } from '../../api/client.ts';
import { conversationKeys, useConversations } from '../../api/conversations.ts';
import { useDocuments } from '../../api/documents.ts';
import { Button } from '../../components/Button.tsx';
import { ChangeStatus } from '../../components/ChangeStatus.tsx';
import { Choices, TextArea } from '../../components/Field.tsx';
import { Loading } from '../../components/Loading.tsx';
import { SendForm } from '../../components/SendForm.tsx';
import { type CaseSummary, ErrorAlert, mediationPage } from './shared.tsx';

/** Secure messages in a case: each conversation this person reads, and a form to write in it. */
export const MessagesPage = mediationPage('Messages', Messages);

function Messages({ caseId, summary }: { caseId: string; summary: CaseSummary }) {
  const view = useConversations(caseId);
  const open = useChange(() => call(openThread, { params: { caseId, thread: 'everyone' } }), {
    invalidates: [conversationKeys.case(caseId)],
    success: 'The conversation with everyone is open.',
  });
  if (view.isPending) return <Loading what="Loading your messages" />;
  if (view.isError) return <ErrorAlert error={view.error} />;
  const { threads, can, everyoneRefused } = view.data;
  return (
    <>
      <p>
        Messages are private to the people each conversation names and are stored encrypted. E-mail only tells
        you that a new message is waiting, never its words.
      </p>
      {everyoneRefused ? <p className="m-hint">{everyoneRefused}</p> : null}
      {can.openEveryone ? (
        <div className="m-section">
          <p className="m-hint">
            You can open one more conversation that everyone at the table reads, the other side included.
          </p>
          <ChangeStatus of={open} />
          <Button variant="secondary" busy={open.busy} onClick={() => void open.run()}>
            Open a conversation with everyone
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
  const headingId = `thread-${thread.id}`;
  return (
    <section className="m-section t-thread" aria-labelledby={headingId}>
      <h2 id={headingId}>{thread.label}</h2>
      <p className="m-hint">Who reads it: {thread.readers}</p>
      {thread.messages.length === 0 ? (
        <p>No messages yet.</p>
      ) : (
        <ol className="t-messages" aria-label={`Messages: ${thread.label}`}>
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
  return (
    <li className={`t-message${m.mine ? ' t-mine' : ''}`}>
      <p className="t-meta">
        <strong>{m.mine ? 'You' : m.author}</strong> · {formatMissouriStamp(m.sentAt)}
      </p>
      <p className="t-body">{m.body}</p>
      {m.attachments.length > 0 ? (
        <ul className="t-attachments" aria-label="Attached documents">
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
        <p className="m-hint">
          {m.hiddenAttachments === 1
            ? 'One attached document is not shared with you.'
            : `${m.hiddenAttachments} attached documents are not shared with you.`}
        </p>
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
      success: 'Your message is sent.',
    },
  );
  return (
    <SendForm
      onSend={() => void send.run({ body, ...(attach.length ? { documentIds: attach } : {}) })}
      busy={send.busy}
      submit="Send the message"
    >
      <TextArea
        label={`Write a message: ${label}`}
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
  const docs = useDocuments(caseId);
  const list = docs.data?.documents ?? [];
  if (list.length === 0) return null;
  return (
    <details className="t-attach">
      <summary>Attach documents from the case’s folder</summary>
      <Choices
        legend="Documents to attach"
        hint="Only the readers who may see a document can open it."
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
