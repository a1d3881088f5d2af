import { useTranslation } from 'react-i18next';
import { type LetterBlock, requestLetterTitle } from '../../../domain/request-letter.ts';
import { useFormats } from '../../i18n.ts';

/**
 * The request letter as it will be sent, drawn from the same words as its PDF
 * (domain/request-letter.ts), in the page's language.
 */
export function LetterPreview({ blocks }: { blocks: LetterBlock[] }) {
  const { t } = useTranslation('request');
  const formats = useFormats();
  return (
    <section className="letter-preview" aria-labelledby="letter-preview">
      <p className="muted">{t('preview.intro')}</p>
      <h3 id="letter-preview">{requestLetterTitle(t)}</h3>
      <p className="muted">{t('preview.dateLine', { date: formats.date(new Date(), { weekday: true }) })}</p>
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
              {b.name || t('preview.yourName')}, {b.capacity}
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
