import { iso } from '../../infra/clock.ts';
import type { Deps } from '../../infra/deps.ts';
import { newId } from '../../infra/ids.ts';
import { type PdfBlock, type PdfInput, renderPdf } from '../../infra/pdf.ts';
import { storeFile } from '../../modules/files/files.service.ts';

// The forms library's starter forms: plain-language documents a Missouri mediator can print and
// use as they are, or change for their own practice. Each is a PDF made from the text below.

const paragraph = (text: string): PdfBlock => ({ kind: 'paragraph', text });
const heading = (text: string): PdfBlock => ({ kind: 'heading', text });
/** A line to fill in by hand, after its label. */
const blank = (label: string) => paragraph(`${label}: ______________________________________________`);
/** A signature line, with the printed name and date under it. */
const signatureLine = (name: string): PdfBlock => ({
  kind: 'signature',
  name,
  capacity: 'Printed name and date',
  details: [''],
});

export type StarterForm = { title: string; category: string; description: string; pdf: PdfInput };

const footer = 'Association of Missouri Mediators · starter form · not legal advice';

export const STARTER_FORMS: StarterForm[] = [
  {
    title: 'Agreement to Mediate (template)',
    category: 'Agreements',
    description:
      'What mediation is, confidentiality under Missouri law, fees and how to stop, for the parties and the mediator to sign before the first session.',
    pdf: {
      title: 'Agreement to Mediate',
      subtitle: 'A template for mediators in Missouri. Fill in the blanks and remove what does not apply.',
      footer,
      author: 'Association of Missouri Mediators',
      blocks: [
        blank('The people taking part (the parties)'),
        blank('The mediator'),
        blank('What the mediation is about'),
        heading('1. What mediation is'),
        paragraph(
          'Mediation is a meeting where a neutral person, the mediator, helps you talk about your dispute and look for a solution you can all accept. The mediator does not take sides, does not decide who is right, and does not give legal advice to anyone. You decide whether to settle and on what terms.',
        ),
        paragraph(
          'Taking part is voluntary. Any of you, or the mediator, may end the mediation at any time. If a court referred your case, the court may still expect you to attend the first session.',
        ),
        heading('2. Your own lawyer'),
        paragraph(
          'The mediator represents none of you. Each of you may talk with your own lawyer before, during and after the mediation, and we encourage you to have a lawyer review any agreement before you sign it.',
        ),
        heading('3. Confidentiality'),
        paragraph(
          'What is said in mediation is confidential. Under Missouri law (RSMo 435.014, and Supreme Court Rules 17 and 88 for court cases), it is treated as settlement talks and cannot be used as evidence in court. You agree not to ask the mediator to testify or to hand over notes about the mediation.',
        ),
        paragraph(
          'There are limits. The mediator must report suspected child abuse or neglect, and may act to prevent a threat of serious harm to someone. If a court referred your case, the mediator tells the court only whether you attended and whether you reached an agreement.',
        ),
        heading('4. Full information'),
        paragraph(
          'You agree to share the information needed to make good decisions, such as income, debts and property where money is at issue. The mediator does not check what you share.',
        ),
        heading('5. Fees'),
        blank("The mediator's fee (in dollars, per hour or per session)"),
        blank('Who pays, and in what shares'),
        blank('Cancellation: notice needed and any charge'),
        heading('6. The mediator’s relationships'),
        paragraph(
          'The mediator has told you about any past or present relationship with any of you, your lawyers, or the subject of the dispute that could affect their neutrality:',
        ),
        blank('Relationships disclosed (write "none" if none)'),
        heading('7. An agreement you reach'),
        paragraph(
          'Nothing is binding until it is written down and signed by each of you. In a family case an agreement also needs the court’s approval. The mediator may write a summary of what you agreed for you and your lawyers to review.',
        ),
        heading('Signatures'),
        paragraph(
          'By signing, each of us says we have read this agreement, understand it, and agree to take part on these terms.',
        ),
        signatureLine('Party'),
        signatureLine('Party'),
        signatureLine('Mediator'),
      ],
    },
  },
  {
    title: 'Mediation intake form',
    category: 'Intake',
    description:
      'The questions to ask each party before the first session: contact details, the dispute, court case, safety and what they need to take part.',
    pdf: {
      title: 'Mediation intake form',
      subtitle: 'Each party fills in their own form. What you write here is kept private by the mediator.',
      footer,
      author: 'Association of Missouri Mediators',
      blocks: [
        heading('About you'),
        blank('Your full name'),
        blank('Phone and e-mail'),
        blank('Mailing address (street, city, ZIP code)'),
        blank('The best way and time to reach you'),
        blank('Your lawyer, if you have one (name and phone)'),
        heading('About the other side'),
        blank('Name of the other party or parties'),
        blank('Their lawyer, if you know'),
        heading('About the dispute'),
        blank('In a few words, what is the disagreement about?'),
        blank('What would a good result look like for you?'),
        blank('Is there a court case? County and case number'),
        blank('Any court dates or deadlines coming up'),
        heading('Safety'),
        paragraph(
          'Your answers to these questions are seen only by the mediator. They help the mediator decide whether mediation is safe and how to set it up (for example, separate rooms or separate sessions).',
        ),
        {
          kind: 'list',
          items: [
            'Has the other party ever hurt you, threatened you, or made you afraid?  Yes / No',
            'Is there an order of protection between you, now or in the past?  Yes / No',
            'Do you feel able to say what you need in the same room as the other party?  Yes / No',
          ],
        },
        heading('Taking part'),
        blank('Do you need an interpreter, a disability accommodation, or a support person?'),
        blank('Days and times you cannot meet'),
        signatureLine('Signature'),
      ],
    },
  },
  {
    title: 'Continuing education log',
    category: 'Continuing education',
    description:
      'A year’s record of trainings and hours, to keep with your certificates for a roster, a court list or the association.',
    pdf: {
      title: 'Continuing education log',
      subtitle:
        'Keep one log a year. Attach or keep the certificate for each line; a court or roster may ask to see them.',
      footer,
      author: 'Association of Missouri Mediators',
      blocks: [
        blank('Mediator’s name'),
        blank('Year (January 1 to December 31)'),
        blank('Rosters or lists you are on (for example, Rule 17, Rule 88.05, DESE)'),
        heading('Trainings attended'),
        paragraph(
          'For each training write: the date or dates; the title; who gave it; how you attended (in person, live online, recorded); the hours; the kind of hours (core, family, domestic violence and power imbalance, ethics, other continuing education); and whether you have the certificate.',
        ),
        ...Array.from({ length: 10 }, (_, i) =>
          paragraph(
            `${i + 1}. Date ________  Title ______________________  Given by ______________  Hours ____  Kind ______  Certificate: Yes / No`,
          ),
        ),
        heading('Totals'),
        blank('Total hours this year'),
        blank('Hours of ethics or domestic violence and power imbalance'),
        paragraph(
          'Parley keeps the hours of association trainings you attend on your training record and your certificates; add trainings by others here.',
        ),
      ],
    },
  },
];

/** The starter forms in the library, each as version 1, added by `staffId` (or nobody). */
export async function seedStarterForms(deps: Deps, staffId: string | null): Promise<void> {
  const createdAt = deps.clock.now();
  for (const form of STARTER_FORMS) {
    const bytes = await renderPdf({ ...form.pdf, createdAt });
    const id = newId();
    await deps.db
      .insertInto('library_forms')
      .values({
        id,
        title: form.title,
        category: form.category,
        description: form.description,
        current_version: 1,
        created_by: staffId,
        created_at: iso(createdAt),
        updated_at: iso(createdAt),
      })
      .execute();
    const fileId = await storeFile(deps.db, deps, {
      purpose: 'association-form',
      filename: `${form.title.replace(/[^A-Za-z0-9]+/g, '-').replace(/-+$/, '')}.pdf`,
      contentType: 'application/pdf',
      bytes,
      ownerId: null,
    });
    await deps.db
      .insertInto('library_form_versions')
      .values({
        id: newId(),
        form_id: id,
        version: 1,
        file_id: fileId,
        notes: 'Starter form',
        created_by: staffId,
        created_at: iso(createdAt),
      })
      .execute();
  }
}
