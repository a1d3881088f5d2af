import { type FormEvent, type ReactNode, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { formatMissouriStamp } from '../../../domain/missouri-time.ts';
import { errorMessage } from '../../api/client.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { TextField } from '../../components/Field.tsx';
import { Loading } from '../../components/Loading.tsx';
import { Page } from '../../components/Page.tsx';

/** A message as both demo outboxes list it: to whom, when written, and what became of it. */
type OutboxMessage = { id: string; to: string; createdAt: string; sentAt: string | null; status: string };

type Props<M extends OutboxMessage> = {
  title: string;
  lead: string;
  /** Where the page lives, for its "Show all" link. */
  path: string;
  /** The search field: its label and input type (an address or a phone number). */
  searchLabel: string;
  searchType: 'email' | 'tel';
  /** The messages sent to `to` (everyone's when empty), newest first. */
  useMessages: (to: string) => {
    isPending: boolean;
    isError: boolean;
    error: unknown;
    data?: readonly M[] | undefined;
  };
  /** The words for loading, for an empty outbox and for the list. */
  loading: string;
  empty: string;
  listLabel: string;
  children: (message: M) => ReactNode;
};

/**
 * A demo outbox page (e-mail or text messages): what this copy of Parley would have sent, newest
 * first, searched by recipient through the address bar, so a demo visitor (and the browser tests)
 * can read a message without a real inbox or phone.
 */
export function DemoOutbox<M extends OutboxMessage>(props: Props<M>) {
  const [params, setParams] = useSearchParams();
  const to = params.get('to') ?? '';
  const [draft, setDraft] = useState(to);
  const messages = props.useMessages(to);
  const search = (event: FormEvent) => {
    event.preventDefault();
    setParams(draft.trim() ? { to: draft.trim() } : {});
  };
  return (
    <Page title={props.title} wide lead={props.lead}>
      <form className="form form-inline" onSubmit={search}>
        <TextField
          label={props.searchLabel}
          name="to"
          type={props.searchType}
          autoComplete="off"
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
        />
        <Button type="submit" variant="secondary">
          Show
        </Button>
        {to ? (
          <Link to={props.path} onClick={() => setDraft('')}>
            Show all
          </Link>
        ) : null}
      </form>
      {messages.isPending ? <Loading what={props.loading} /> : null}
      {messages.isError ? <Alert tone="error">{errorMessage(messages.error)}</Alert> : null}
      {messages.data && messages.data.length === 0 ? <p>{props.empty}</p> : null}
      {messages.data && messages.data.length > 0 ? (
        <ol className="mail-list" aria-label={props.listLabel}>
          {messages.data.map((message) => (
            <li key={message.id}>{props.children(message)}</li>
          ))}
        </ol>
      ) : null}
    </Page>
  );
}

/** To whom, when, and whether it went (or was kept here, as a demo keeps it). */
export function OutboxMeta({ message }: { message: OutboxMessage }) {
  return (
    <p className="mail-meta">
      To {message.to} · {formatMissouriStamp(message.createdAt)} ·{' '}
      {message.sentAt ? 'sent' : message.status === 'held' ? 'kept here, not sent' : message.status}
    </p>
  );
}
