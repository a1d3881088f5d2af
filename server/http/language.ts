import type { FastifyRequest } from 'fastify';
import { DEFAULT_LANGUAGE, LANGUAGES, type Language } from '../../domain/languages.ts';

/**
 * The language an API answer is written in: the page's, which the web app sends as
 * `Accept-Language` on every call (web/api/client.ts), so words the server puts in an answer
 * (rule-pack words, document texts, messages and field errors) read like the page around them.
 * A caller that sends a browser's own list ("es-MX,es;q=0.9,en;q=0.8") gets the first language
 * Parley speaks, matched by its primary tag; anything else reads English. E-mails and documents
 * sent to a person use the language on their account instead.
 */
export function languageOfHeader(header: string | undefined): Language {
  if (!header) return DEFAULT_LANGUAGE;
  const wanted = header
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { tag: tag.trim().toLowerCase(), q: q ? Number(q.slice(2)) : 1, index };
    })
    .filter((w) => w.tag && Number.isFinite(w.q) && w.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { tag } of wanted) {
    const exact = LANGUAGES.find((language) => language.toLowerCase() === tag);
    if (exact) return exact;
    const primary = tag.split('-')[0];
    const close = LANGUAGES.find((language) => language.toLowerCase().split('-')[0] === primary);
    if (close) return close;
  }
  return DEFAULT_LANGUAGE;
}

/** The language to answer `request` in. */
export const requestLanguage = (request: FastifyRequest): Language =>
  languageOfHeader(request.headers['accept-language']);
