import { type AtmDocument, documentText } from './agreement-to-mediate.ts';
import { addDays } from './deadlines.ts';
import { formatMissouriDate } from './missouri-time.ts';
import type { RulePack } from './rule-packs/types.ts';

/**
 * The written settlement agreement: terms for the issues the parties settled, who does what, and
 * a timeline of milestones. Milestones stay structured (what, who, a fixed date or a number of
 * days after signing, the evidence expected) so compliance tracking can follow them later.
 */
export type MilestoneDue = { kind: 'date'; date: string } | { kind: 'days_after_signing'; days: number };
export type Milestone = { what: string; responsible: string; due: MilestoneDue; evidence: string };
export type Term = { issueId: string | null; text: string; responsible: string };
export type AgreementContent = { terms: Term[]; milestones: Milestone[]; settledIssueIds: string[] };
export type IssueRef = { id: string; title: string; status: string };

/** RSMo 162.959: an agreement may resolve all or only some of the issues. */
export function scopeOf(issues: readonly IssueRef[], settledIssueIds: readonly string[]): 'full' | 'partial' {
  return issues.length > 0 && issues.every((i) => settledIssueIds.includes(i.id)) ? 'full' : 'partial';
}

/** "3 March 2026", or "within 30 days after everyone signs". */
export function describeDue(due: MilestoneDue): string {
  if (due.kind === 'date') return `by ${formatMissouriDate(due.date)}`;
  return `within ${due.days} day${due.days === 1 ? '' : 's'} after everyone signs`;
}

/** The date a milestone falls due once the agreement is signed (a Missouri calendar date). */
export const milestoneDueDate = (due: MilestoneDue, signedOn: string): string =>
  due.kind === 'date' ? due.date : addDays(signedOn, due.days, 'calendar');

export type Signer = { participantId: string; name: string; capacity: string; attestsAuthority: boolean };
type PersonOnCase = {
  id: string;
  side: string;
  role: string;
  name: string;
  organization: string | null;
  isAttorney: boolean;
};

/**
 * Who must sign. 34 CFR 300.506(b)(6)(ii): the parent and a district representative with
 * authority to bind the district. Rule 88.06(c): the parties and their attorneys, if any.
 * Otherwise the parties (Rule 17.06(c): a written document executed by the parties).
 */
export function requiredSigners(pack: RulePack, people: readonly PersonOnCase[]): Signer[] {
  const parties = people.filter((p) => p.role === 'party');
  const signers: Signer[] = parties.map((p) => {
    const district = pack.programKind === 'special_education' && p.side === 'respondent';
    return {
      participantId: p.id,
      name: p.name,
      capacity: district
        ? `District representative for ${p.organization ?? 'the school district'}, with authority to bind the district`
        : pack.programKind === 'special_education'
          ? 'Parent'
          : p.organization
            ? `Party, for ${p.organization}`
            : 'Party',
      attestsAuthority: district,
    };
  });
  if (pack.programKind === 'family') {
    for (const a of people.filter((p) => p.role === 'attorney' || (p.role !== 'party' && p.isAttorney))) {
      signers.push({
        participantId: a.id,
        name: a.name,
        capacity: `Attorney for the ${a.side === 'requester' ? 'requesting' : 'responding'} party`,
        attestsAuthority: false,
      });
    }
  }
  return signers;
}

export const AUTHORITY_ATTESTATION =
  'I attest that I have the authority to bind the school district to this agreement.';

/** Rule 88.06(c): a family agreement binds only once the court approves it. */
export const needsCourtApproval = (pack: RulePack) => pack.programKind === 'family';

export type AgreementStatus = 'awaiting_signatures' | 'awaiting_court_approval' | 'binding';
export function agreementStatus(
  pack: RulePack,
  input: { allSigned: boolean; courtApprovedAt: string | null },
): AgreementStatus {
  if (!input.allSigned) return 'awaiting_signatures';
  if (needsCourtApproval(pack) && !input.courtApprovedAt) return 'awaiting_court_approval';
  return 'binding';
}

/** The clauses a pack adds to every agreement, with where they come from. */
export function packClauses(pack: RulePack): { heading: string; paragraphs: string[] }[] {
  const clauses: { heading: string; paragraphs: string[] }[] = [];
  if (pack.programKind === 'special_education') {
    clauses.push({
      heading: 'Confidentiality',
      paragraphs: [
        'All discussions that happened during the mediation process are confidential and may not be used as evidence in any later due process hearing or civil proceeding (34 CFR 300.506(b)(6)(i)).',
        'This agreement is legally binding and can be enforced in any state court of competent jurisdiction or in a district court of the United States (34 CFR 300.506(b)(7)).',
      ],
    });
  } else {
    clauses.push({
      heading: 'Confidentiality',
      paragraphs: [
        `What was said in mediation is confidential and cannot be used as evidence (${pack.confidentiality.value.statute}).`,
      ],
    });
  }
  if (pack.programKind === 'family') {
    clauses.push({
      heading: 'Review by an attorney and approval by the court',
      paragraphs: [
        'Each party should have their own attorney review this draft before signing (Rule 88.06(a)(5)).',
        'This agreement is not binding until it is signed by the parties and their attorneys, if any, and approved by the court (Rule 88.06(c)).',
      ],
    });
  }
  return clauses;
}

export function agreementDocument(
  pack: RulePack,
  input: {
    caseRef: string;
    programName: string;
    partyNames: string[];
    issues: readonly IssueRef[];
    content: AgreementContent;
    signers: readonly Signer[];
  },
): AtmDocument {
  const scope = scopeOf(input.issues, input.content.settledIssueIds);
  const settled = input.issues.filter((i) => input.content.settledIssueIds.includes(i.id));
  const open = input.issues.filter((i) => !input.content.settledIssueIds.includes(i.id));
  const title = scope === 'full' ? 'Mediation Agreement' : 'Mediation Agreement (partial)';
  const sections: AtmDocument['sections'] = [
    {
      heading: 'Who this agreement is between',
      paragraphs: [
        `Case ${input.caseRef}, ${input.programName}.`,
        `Parties: ${input.partyNames.join('; ')}.`,
      ],
    },
    {
      heading: scope === 'full' ? 'Issues settled: all of them' : 'Issues settled: some of them',
      paragraphs: [
        ...settled.map((i) => `Settled: ${i.title}.`),
        ...open.map((i) => `Not settled by this agreement: ${i.title}.`),
      ],
    },
    {
      heading: 'Terms',
      paragraphs: input.content.terms.map((t, n) => {
        const issue = input.issues.find((i) => i.id === t.issueId);
        return `${n + 1}. ${issue ? `${issue.title}: ` : ''}${t.text} Responsible: ${t.responsible}.`;
      }),
    },
  ];
  if (input.content.milestones.length) {
    sections.push({
      heading: 'Timeline',
      paragraphs: input.content.milestones.map(
        (m, n) =>
          `Milestone ${n + 1}: ${m.what}. Responsible: ${m.responsible}. Due ${describeDue(m.due)}. Evidence: ${m.evidence}.`,
      ),
    });
  }
  sections.push(...packClauses(pack));
  sections.push({
    heading: 'Who signs',
    paragraphs: input.signers.map(
      (s) => `${s.name}, ${s.capacity}.${s.attestsAuthority ? ` ${AUTHORITY_ATTESTATION}` : ''}`,
    ),
  });
  return { title, sections };
}

export const agreementText = (doc: AtmDocument) => documentText(doc);

/**
 * A name as a signature is compared: accents and case aside (NFD, marks stripped, case folded),
 * spaces collapsed. "José  Núñez" and "jose nunez" are the same name.
 */
export function normalizeName(name: string): string {
  return name.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Whether a typed signature is one of the names Parley knows the signer by. */
export const nameMatches = (typed: string, known: readonly string[]) =>
  normalizeName(typed) !== '' && known.some((name) => normalizeName(name) === normalizeName(typed));

/** What the signer agrees to in the "legally binding" step, in the pack's terms. */
export function bindingStatement(pack: RulePack): string {
  if (needsCourtApproval(pack))
    return 'I understand this agreement becomes legally binding once everyone has signed it and the court approves it, and I agree to be bound by it.';
  if (pack.programKind === 'special_education')
    return 'I understand this agreement is legally binding once everyone has signed it, and that it can be enforced in a state or federal court.';
  return 'I understand this agreement is legally binding once everyone has signed it, and I agree to be bound by it.';
}

/** The pack's advice to someone about to sign, in plain words. */
export function signingAdvice(pack: RulePack): string[] {
  if (pack.programKind === 'family')
    return [
      'You may have your own attorney review this agreement before you sign it (Rule 88.06(a)(5)). You do not have to sign today.',
      'It is not binding until the judge approves it (Rule 88.06(c)).',
    ];
  if (pack.programKind === 'special_education')
    return [
      'Once everyone signs, this agreement is legally binding and a court can enforce it (34 CFR 300.506(b)(7)).',
      'You may ask an advocate or an attorney to read it with you before you sign. You do not have to sign today.',
    ];
  return [
    'Once everyone signs, this agreement is legally binding.',
    'You may ask an attorney to read it before you sign. You do not have to sign today.',
  ];
}

/** One part of a written document as a reader sees it: a heading, and paragraphs or a numbered list. */
export type DocumentSection = { heading: string; paragraphs: string[]; numbered: boolean };

/**
 * The stored text of a document (documentText's form: the title, then each section's heading and
 * paragraphs, sections apart by a blank line) read back into its parts, so the page shows
 * exactly the text that is signed. Terms ("1. …") and milestones ("Milestone 1: …") become
 * numbered lists without their numbers.
 */
export function documentSections(text: string): { title: string; sections: DocumentSection[] } {
  const [head = '', ...blocks] = text.split(/\n\s*\n/);
  const sections = blocks
    .map((block) => block.split('\n').filter((line) => line.trim() !== ''))
    .filter((lines) => lines.length > 0)
    .map(([heading = '', ...paragraphs]) => {
      const item = /^(?:\d+\.|Milestone \d+:)\s+/;
      const numbered = paragraphs.length > 0 && paragraphs.every((p) => item.test(p));
      return {
        heading,
        paragraphs: numbered ? paragraphs.map((p) => p.replace(item, '')) : paragraphs,
        numbered,
      };
    });
  return { title: head.trim(), sections };
}
