import { formatMissouriDate } from '../../../domain/missouri-time.ts';
import { type LetterBlock, REQUEST_LETTER_TITLE } from '../../../domain/request-letter.ts';

/** The request letter as it will be sent, drawn from the same words as its PDF (domain/request-letter.ts). */
export function LetterPreview({ blocks }: { blocks: LetterBlock[] }) {
  return (
    <section className="letter-preview" aria-labelledby="letter-preview">
      <p className="muted">Preview: this is the letter the program receives when you send your request.</p>
      <h3 id="letter-preview">{REQUEST_LETTER_TITLE}</h3>
      <p className="muted">
        {formatMissouriDate(new Date(), { weekday: true })} · case number given when sent
      </p>
      {blocks.map((b, i) => {
        const key = `${b.kind}-${i}`;
        if (b.kind === 'heading') return <h4 key={key}>{b.text}</h4>;
        if (b.kind === 'list')
          return b.items.length ? (
            <ul key={key}>
              {b.items.map((item) => (
                <li key={item}>{item}</li>
              ))}
            </ul>
          ) : null;
        if (b.kind === 'signature')
          return (
            <p key={key} className="letter-signature">
              {b.name || 'Your name'}, {b.capacity}
              <br />
              <span className="muted">{b.details.join(' · ')}</span>
            </p>
          );
        return (
          <p key={key} className="letter-paragraph">
            {b.text}
          </p>
        );
      })}
    </section>
  );
}
