/**
 * The written request for special-education mediation, as DESE asks for it: it names the student
 * and the district, says what the disagreement is about in the four categories, and asks for
 * state-sponsored mediation. One text, drawn twice: the PDF of a case's request letter (the server)
 * and the preview the parent reads on the request form before sending (the web app).
 */
export type LetterBlock =
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'list'; items: string[] }
  | { kind: 'signature'; name: string; capacity: string; details: string[] };

export const REQUEST_LETTER_TITLE = 'Request for State-Sponsored Special Education Mediation';

export type RequestLetterInput = {
  parent: { name: string; address?: string | null; phone?: string | null; email?: string | null };
  student: { name: string; school?: string; grade?: string };
  district: string;
  /** The labels of the categories of dispute chosen, in the pack's words. */
  categories: string[];
  description: string;
};

export function requestLetterBlocks(input: RequestLetterInput): LetterBlock[] {
  const { parent, student } = input;
  const from = [parent.name, parent.address, parent.phone, parent.email].filter(Boolean) as string[];
  return [
    {
      kind: 'paragraph',
      text: 'To: Missouri Department of Elementary and Secondary Education, Office of Special Education, Dispute Resolution',
    },
    { kind: 'paragraph', text: `From: ${from.join(', ')}` },
    {
      kind: 'paragraph',
      text: `I am requesting state-sponsored mediation under the Individuals with Disabilities Education Act (34 CFR 300.506) and RSMo 162.959 with ${input.district}.`,
    },
    { kind: 'heading', text: 'Student' },
    {
      kind: 'paragraph',
      text: [
        `Name: ${student.name}`,
        student.school ? `School: ${student.school}` : null,
        student.grade ? `Grade: ${student.grade}` : null,
      ]
        .filter(Boolean)
        .join('\n'),
    },
    { kind: 'heading', text: 'School district' },
    { kind: 'paragraph', text: input.district },
    { kind: 'heading', text: 'Nature of the dispute' },
    { kind: 'list', items: input.categories },
    { kind: 'paragraph', text: input.description },
    { kind: 'heading', text: 'What I am asking for' },
    {
      kind: 'paragraph',
      text: 'I request state-sponsored mediation. I understand mediation is free and voluntary, and that it does not delay or deny my right to a due process hearing.',
    },
    { kind: 'signature', name: parent.name, capacity: 'Parent', details: ['Signature and date'] },
  ];
}
