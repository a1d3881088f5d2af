import { type FormEvent, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { formatMissouriStamp } from '../../../domain/missouri-time.ts';
import { errorMessage } from '../../api/client.ts';
import { useTextOutbox } from '../../api/sms.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { TextField } from '../../components/Field.tsx';
import { Loading } from '../../components/Loading.tsx';
import { Page } from '../../components/Page.tsx';

/**
 * The demo and development text outbox: every text message Parley would have sent, so a demo
 * visitor (and the browser tests) can read a confirmation code or a reminder without a phone.
 */
export function TextOutboxPage() {
  const [params, setParams] = useSearchParams();
  const to = params.get('to') ?? '';
  const [draft, setDraft] = useState(to);
  const texts = useTextOutbox(to);
  const search = (event: FormEvent) => {
    event.preventDefault();
    setParams(draft.trim() ? { to: draft.trim() } : {});
  };
  return (
    <Page
      title="Demo text messages"
      wide
      lead="This copy of Parley does not send real text messages. Texts it would have sent show up here."
    >
      <form className="form form-inline" onSubmit={search}>
        <TextField
          label="Show texts sent to"
          name="to"
          type="tel"
          autoComplete="off"
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
        />
        <Button type="submit" variant="secondary">
          Show
        </Button>
        {to ? (
          <Link to="/dev/texts" onClick={() => setDraft('')}>
            Show all
          </Link>
        ) : null}
      </form>
      {texts.isPending ? <Loading what="Loading texts" /> : null}
      {texts.isError ? <Alert tone="error">{errorMessage(texts.error)}</Alert> : null}
      {texts.data && texts.data.length === 0 ? <p>No text messages yet.</p> : null}
      {texts.data && texts.data.length > 0 ? (
        <ol className="mail-list" aria-label="Text messages, newest first">
          {texts.data.map((text) => (
            <li key={text.id}>
              <article className="mail" aria-label={`Text to ${text.to}`}>
                <p className="mail-meta">
                  To {text.to} · {formatMissouriStamp(text.createdAt)} ·{' '}
                  {text.sentAt ? 'sent' : text.status === 'held' ? 'kept here, not sent' : text.status}
                </p>
                <p className="mail-text">{text.body}</p>
              </article>
            </li>
          ))}
        </ol>
      ) : null}
    </Page>
  );
}
