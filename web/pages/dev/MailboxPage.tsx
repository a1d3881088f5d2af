import { type FormEvent, Fragment, type ReactNode, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { getMailboxAttachment } from '../../../contracts/mail.ts';
import { formatMissouriStamp } from '../../../domain/missouri-time.ts';
import { errorMessage, href } from '../../api/client.ts';
import { useMailbox } from '../../api/mail.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { TextField } from '../../components/Field.tsx';
import { Loading } from '../../components/Loading.tsx';
import { Page } from '../../components/Page.tsx';

/**
 * The demo and development mailbox: every e-mail Parley has sent, so a demo visitor (and the
 * browser tests) can open a confirmation or invitation link without a real inbox.
 */
export function MailboxPage() {
  const [params, setParams] = useSearchParams();
  const to = params.get('to') ?? '';
  const [draft, setDraft] = useState(to);
  const mail = useMailbox(to);

  const search = (event: FormEvent) => {
    event.preventDefault();
    setParams(draft.trim() ? { to: draft.trim() } : {});
  };

  return (
    <Page
      title="Demo mailbox"
      wide
      lead="This copy of Parley does not send real e-mail. Messages it would have sent show up here."
    >
      <form className="form form-inline" onSubmit={search}>
        <TextField
          label="Show e-mail sent to"
          name="to"
          type="email"
          autoComplete="off"
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
        />
        <Button type="submit" variant="secondary">
          Show
        </Button>
        {to ? (
          <Link to="/dev/mailbox" onClick={() => setDraft('')}>
            Show all
          </Link>
        ) : null}
      </form>
      {mail.isPending ? <Loading what="Loading messages" /> : null}
      {mail.isError ? <Alert tone="error">{errorMessage(mail.error)}</Alert> : null}
      {mail.data && mail.data.length === 0 ? <p>No messages yet.</p> : null}
      {mail.data && mail.data.length > 0 ? (
        <ol className="mail-list" aria-label="Messages, newest first">
          {mail.data.map((email) => (
            <li key={email.id}>
              <article className="mail" aria-labelledby={`mail-${email.id}`}>
                <h2 id={`mail-${email.id}`}>{email.subject}</h2>
                <p className="mail-meta">
                  To {email.to} · {formatMissouriStamp(email.createdAt)} ·{' '}
                  {email.sentAt ? 'sent' : email.status === 'held' ? 'kept here, not sent' : email.status}
                </p>
                <div className="mail-text">{linkify(email.text)}</div>
                {email.attachments.length > 0 ? (
                  <ul className="attachments" aria-label="Attachments">
                    {email.attachments.map((file, index) => (
                      // biome-ignore lint/suspicious/noArrayIndexKey: the server addresses attachments by position
                      <li key={`${file.filename}-${index}`}>
                        <a
                          href={href(getMailboxAttachment, { emailId: email.id, index })}
                          download={file.filename}
                        >
                          {file.filename}
                        </a>{' '}
                        <span className="muted">({file.contentType})</span>
                      </li>
                    ))}
                  </ul>
                ) : null}
              </article>
            </li>
          ))}
        </ol>
      ) : null}
    </Page>
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
