import { Fragment, type ReactNode } from 'react';
import { Link } from 'react-router';
import { getMailboxAttachment } from '../../../contracts/mail.ts';
import { href } from '../../api/client.ts';
import { useMailbox } from '../../api/mail.ts';
import { DemoOutbox, OutboxMeta } from './DemoOutbox.tsx';

/**
 * The demo and development mailbox: every e-mail Parley has sent, so a demo visitor (and the
 * browser tests) can open a confirmation or invitation link without a real inbox.
 */
export function MailboxPage() {
  return (
    <DemoOutbox
      title="Demo mailbox"
      lead="This copy of Parley does not send real e-mail. Messages it would have sent show up here."
      path="/dev/mailbox"
      searchLabel="Show e-mail sent to"
      searchType="email"
      useMessages={useMailbox}
      loading="Loading messages"
      empty="No messages yet."
      listLabel="Messages, newest first"
    >
      {(email) => (
        <article className="mail" aria-labelledby={`mail-${email.id}`}>
          <h2 id={`mail-${email.id}`}>{email.subject}</h2>
          <OutboxMeta message={email} />
          <div className="mail-text">{linkify(email.text)}</div>
          {email.attachments.length > 0 ? (
            <ul className="attachments" aria-label="Attachments">
              {email.attachments.map((file, index) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: the server addresses attachments by position
                <li key={`${file.filename}-${index}`}>
                  <a href={href(getMailboxAttachment, { emailId: email.id, index })} download={file.filename}>
                    {file.filename}
                  </a>{' '}
                  <span className="muted">({file.contentType})</span>
                </li>
              ))}
            </ul>
          ) : null}
        </article>
      )}
    </DemoOutbox>
  );
}

const URL_PATTERN = /https?:\/\/[^\s<>"]+[^\s<>".,;:!?)]/g;

/**
 * Turns links in the text into links on this site: an e-mail names the configured public address
 * (often http://localhost:3000), but the demo may run on another port, so keep only path and hash.
 */
function linkify(text: string): ReactNode[] {
  const parts: ReactNode[] = [];
  let last = 0;
  for (const match of text.matchAll(URL_PATTERN)) {
    const start = match.index ?? 0;
    parts.push(text.slice(last, start));
    let href = match[0];
    try {
      const url = new URL(match[0]);
      href = `${url.pathname}${url.search}${url.hash}`;
    } catch {
      // Leave a link that does not parse as it was.
    }
    parts.push(
      <Link key={start} to={href}>
        {match[0]}
      </Link>,
    );
    last = start + match[0].length;
  }
  parts.push(text.slice(last));
  return parts.map((part, index) =>
    // biome-ignore lint/suspicious/noArrayIndexKey: the parts never reorder
    typeof part === 'string' ? <Fragment key={`t${index}`}>{part}</Fragment> : part,
  );
}
