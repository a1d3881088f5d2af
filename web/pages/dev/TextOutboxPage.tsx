import { useTextOutbox } from '../../api/sms.ts';
import { DemoOutbox, OutboxMeta } from './DemoOutbox.tsx';

/**
 * The demo and development text outbox: every text message Parley would have sent, so a demo
 * visitor (and the browser tests) can read a confirmation code or a reminder without a phone.
 */
export function TextOutboxPage() {
  return (
    <DemoOutbox
      title="Demo text messages"
      lead="This copy of Parley does not send real text messages. Texts it would have sent show up here."
      path="/dev/texts"
      searchLabel="Show texts sent to"
      searchType="tel"
      useMessages={useTextOutbox}
      loading="Loading texts"
      empty="No text messages yet."
      listLabel="Text messages, newest first"
    >
      {(text) => (
        <article className="mail" aria-label={`Text to ${text.to}`}>
          <OutboxMeta message={text} />
          <p className="mail-text">{text.body}</p>
        </article>
      )}
    </DemoOutbox>
  );
}
