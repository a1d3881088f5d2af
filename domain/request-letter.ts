/**
 * The written request for special-education mediation, as DESE asks for it: it names the student
 * and the district, says what the disagreement is about in the four categories, and asks for
 * state-sponsored mediation. One text, drawn twice: the PDF of a case's request letter (the server)
 * and the preview the parent reads on the request form before sending (the web app).
 *
 * Its words come in one language from the catalogs (the `request` namespace's `letter.*`
 * messages): the page's for the preview, the reader's for the PDF. The citations (34 CFR 300.506,
 * RSMo 162.959, IDEA) read the same in every language.
 */
export type LetterBlock =
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'list'; items: string[] }
  | { kind: 'signature'; name: string; capacity: string; details: string[] };

/**
 * The letter's words in one language: the `request` catalog's translator (i18n/), handed in. Its
 * values are always given (`{}` when there are none), as i18next's own `t` takes them.
 */
export type LetterWords = (key: string, values: Record<string, string>) => string;

/** The letter's title, in the language of `t`. */
export const requestLetterTitle = (t: LetterWords) => t('letter.title', {});

export type RequestLetterInput = {
  parent: { name: string; address?: string | null; phone?: string | null; email?: string | null };
  student: { name: string; school?: string | undefined; grade?: string | undefined };
  district: string;
  /** The labels of the categories of dispute chosen, in the pack's words. */
  categories: string[];
  description: string;
};

export function requestLetterBlocks(input: RequestLetterInput, t: LetterWords): LetterBlock[] {
  const { parent, student } = input;
  const from = [parent.name, parent.address, parent.phone, parent.email].filter(Boolean) as string[];
  return [
    { kind: 'paragraph', text: t('letter.to', {}) },
    { kind: 'paragraph', text: t('letter.from', { from: from.join(', ') }) },
    { kind: 'paragraph', text: t('letter.asking', { district: input.district }) },
    { kind: 'heading', text: t('letter.student', {}) },
    {
      kind: 'paragraph',
      text: [
        t('letter.studentName', { name: student.name }),
        student.school ? t('letter.school', { school: student.school }) : null,
        student.grade ? t('letter.grade', { grade: student.grade }) : null,
      ]
        .filter(Boolean)
        .join('\n'),
    },
    { kind: 'heading', text: t('letter.district', {}) },
    { kind: 'paragraph', text: input.district },
    { kind: 'heading', text: t('letter.nature', {}) },
    { kind: 'list', items: input.categories },
    { kind: 'paragraph', text: input.description },
    { kind: 'heading', text: t('letter.request', {}) },
    { kind: 'paragraph', text: t('letter.requestText', {}) },
    {
      kind: 'signature',
      name: parent.name,
      capacity: t('letter.parent', {}),
      details: [t('letter.signature', {})],
    },
  ];
}
