import { useTranslation } from 'react-i18next';
import type { Agreement } from '../../../contracts/agreements.ts';

/**
 * The written agreement as a document to read: its title, each section under its heading, terms
 * and milestones as numbered lists. The words are the server's, exactly as they are signed; the
 * page grows with the text (no box that scrolls inside the page), and prints on its own.
 */
export function AgreementDocument({ a, label }: { a: Agreement; label: string }) {
  const { t } = useTranslation('agreement');
  return (
    <article className="m-agreement" role="document" aria-label={label}>
      <h2 className="m-agreement-title">{a.document.title}</h2>
      <p className="m-agreement-meta">{t('document.version', { version: a.version })}</p>
      {a.document.sections.map((s) => (
        <section key={s.heading}>
          <h3>{s.heading}</h3>
          {s.numbered ? (
            <ol>
              {s.paragraphs.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ol>
          ) : (
            s.paragraphs.map((p) => <p key={p}>{p}</p>)
          )}
        </section>
      ))}
    </article>
  );
}
