import { useTranslation } from 'react-i18next';
import type { Agreement } from '../../../contracts/agreements.ts';
import { useLanguage } from '../../i18n.ts';

/**
 * The written agreement as a document to read: its title, each section under its heading, terms
 * and milestones as numbered lists. The words are the server's, exactly as they are signed; the
 * page grows with the text (no box that scrolls inside the page), and prints on its own. It is
 * marked with the text's own language, which may differ from the page's, so a screen reader reads
 * it in that language (the version line is the page's words, in the page's language).
 */
export function AgreementDocument({ a, label }: { a: Agreement; label: string }) {
  const { t } = useTranslation('agreement');
  const language = useLanguage();
  return (
    <article className="m-agreement" role="document" aria-label={label} lang={a.language}>
      <h2 className="m-agreement-title">{a.document.title}</h2>
      <p className="m-agreement-meta" lang={language}>
        {t('document.version', { version: a.version })}
      </p>
      {a.document.sections.map((s) => (
        <section key={s.heading}>
          <h3>{s.heading}</h3>
          <SectionText section={s} />
        </section>
      ))}
    </article>
  );
}

/** A section's words: terms and milestones as a numbered list, anything else as paragraphs. */
export function SectionText({ section }: { section: { numbered: boolean; paragraphs: string[] } }) {
  return section.numbered ? (
    <ol>
      {section.paragraphs.map((p) => (
        <li key={p}>{p}</li>
      ))}
    </ol>
  ) : (
    section.paragraphs.map((p) => <p key={p}>{p}</p>)
  );
}
