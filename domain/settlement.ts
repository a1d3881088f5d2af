import { type AtmDocument, documentText } from './agreement-to-mediate.ts';
import { addDays } from './deadlines.ts';
import type { DocumentWords } from './document-words.ts';
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

/** "by March 3, 2026", or "within 30 days after everyone signs". */
export function describeDue(due: MilestoneDue, w: DocumentWords): string {
  if (due.kind === 'date')
    return w.t('agreement.due.date', { date: formatMissouriDate(due.date, {}, w.language) });
  return w.t('agreement.due.days', { days: due.days });
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
export function requiredSigners(pack: RulePack, people: readonly PersonOnCase[], w: DocumentWords): Signer[] {
  const { t } = w;
  const parties = people.filter((p) => p.role === 'party');
  const signers: Signer[] = parties.map((p) => {
    const district = pack.programKind === 'special_education' && p.side === 'respondent';
    return {
      participantId: p.id,
      name: p.name,
      capacity: district
        ? t('agreement.capacity.district', {
            organization: p.organization ?? t('agreement.capacity.theDistrict'),
          })
        : pack.programKind === 'special_education'
          ? t('agreement.capacity.parent')
          : p.organization
            ? t('atm.capacity.partyFor', { organization: p.organization })
            : t('atm.capacity.party'),
      attestsAuthority: district,
    };
  });
  if (pack.programKind === 'family') {
    for (const a of people.filter((p) => p.role === 'attorney' || (p.role !== 'party' && p.isAttorney))) {
      signers.push({
        participantId: a.id,
        name: a.name,
        capacity: t(
          a.side === 'requester'
            ? 'agreement.capacity.attorneyRequesting'
            : 'agreement.capacity.attorneyResponding',
        ),
        attestsAuthority: false,
      });
    }
  }
  return signers;
}

/** What a district's representative attests when signing, in the words of the text they sign. */
export const authorityAttestation = (w: DocumentWords) => w.t('agreement.attestation');

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

/** The clauses a pack adds to every agreement, with where they come from (the citations as they are). */
export function packClauses(pack: RulePack, w: DocumentWords): { heading: string; paragraphs: string[] }[] {
  const { t } = w;
  const clauses: { heading: string; paragraphs: string[] }[] = [];
  if (pack.programKind === 'special_education') {
    clauses.push({
      heading: t('clauses.confidentiality.heading'),
      paragraphs: [t('clauses.confidentiality.specialEducation'), t('clauses.enforceable.specialEducation')],
    });
  } else {
    clauses.push({
      heading: t('clauses.confidentiality.heading'),
      paragraphs: [t('clauses.confidentiality.other', { statute: pack.confidentiality.value.statute })],
    });
  }
  if (pack.programKind === 'family') {
    clauses.push({
      heading: t('clauses.courtApproval.heading'),
      paragraphs: [t('clauses.courtApproval.review'), t('clauses.courtApproval.binding')],
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
  w: DocumentWords,
): AtmDocument {
  const { t } = w;
  const scope = scopeOf(input.issues, input.content.settledIssueIds);
  const settled = input.issues.filter((i) => input.content.settledIssueIds.includes(i.id));
  const open = input.issues.filter((i) => !input.content.settledIssueIds.includes(i.id));
  const sections: AtmDocument['sections'] = [
    {
      heading: t('atm.who.heading'),
      paragraphs: [
        t('agreement.who.case', { reference: input.caseRef, program: input.programName }),
        t('agreement.who.parties', { parties: input.partyNames.join('; ') }),
      ],
    },
    {
      heading: t(scope === 'full' ? 'agreement.issues.all' : 'agreement.issues.some'),
      paragraphs: [
        ...settled.map((i) => t('agreement.issues.settled', { issue: i.title })),
        ...open.map((i) => t('agreement.issues.open', { issue: i.title })),
      ],
    },
    {
      heading: t('agreement.terms.heading'),
      paragraphs: input.content.terms.map((term, n) => {
        const issue = input.issues.find((i) => i.id === term.issueId);
        const values = { n: n + 1, text: term.text, responsible: term.responsible };
        return issue
          ? t('agreement.terms.itemOnIssue', { ...values, issue: issue.title })
          : t('agreement.terms.item', values);
      }),
    },
  ];
  if (input.content.milestones.length) {
    sections.push({
      heading: t('agreement.timeline.heading'),
      paragraphs: input.content.milestones.map((m, n) =>
        t('agreement.timeline.item', {
          n: n + 1,
          what: m.what,
          responsible: m.responsible,
          due: describeDue(m.due, w),
          evidence: m.evidence,
        }),
      ),
    });
  }
  sections.push(...packClauses(pack, w));
  sections.push({
    heading: t('agreement.whoSigns.heading'),
    paragraphs: input.signers.map((s) =>
      s.attestsAuthority
        ? t('agreement.whoSigns.itemAttesting', {
            name: s.name,
            capacity: s.capacity,
            attestation: authorityAttestation(w),
          })
        : t('agreement.whoSigns.item', { name: s.name, capacity: s.capacity }),
    ),
  });
  return { title: t(scope === 'full' ? 'agreement.title.full' : 'agreement.title.partial'), sections };
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
export function bindingStatement(pack: RulePack, w: DocumentWords): string {
  if (needsCourtApproval(pack)) return w.t('agreement.binding.courtApproval');
  if (pack.programKind === 'special_education') return w.t('agreement.binding.specialEducation');
  return w.t('agreement.binding.other');
}

/** The pack's advice to someone about to sign, in plain words. */
export function signingAdvice(pack: RulePack, w: DocumentWords): string[] {
  const kind =
    pack.programKind === 'family'
      ? 'family'
      : pack.programKind === 'special_education'
        ? 'specialEducation'
        : 'other';
  return kind === 'family'
    ? [w.t('agreement.advice.family.review'), w.t('agreement.advice.family.judge')]
    : [w.t(`agreement.advice.${kind}.binding`), w.t(`agreement.advice.${kind}.help`)];
}

/** One part of a written document as a reader sees it: a heading, and paragraphs or a numbered list. */
export type DocumentSection = { heading: string; paragraphs: string[]; numbered: boolean };

/**
 * The stored text of a document (documentText's form: the title, then each section's heading and
 * paragraphs, sections apart by a blank line) read back into its parts, so the page shows
 * exactly the text that is signed. Terms ("1. …") and milestones ("Milestone 1: …", "Paso 1: …") become
 * numbered lists without their numbers.
 */
export function documentSections(text: string): { title: string; sections: DocumentSection[] } {
  const [head = '', ...blocks] = text.split(/\n\s*\n/);
  const sections = blocks
    .map((block) => block.split('\n').filter((line) => line.trim() !== ''))
    .filter((lines) => lines.length > 0)
    .map(([heading = '', ...paragraphs]) => {
      const item = /^(?:\d+\.|(?:Milestone|Paso) \d+:)\s+/;
      const numbered = paragraphs.length > 0 && paragraphs.every((p) => item.test(p));
      return {
        heading,
        paragraphs: numbered ? paragraphs.map((p) => p.replace(item, '')) : paragraphs,
        numbered,
      };
    });
  return { title: head.trim(), sections };
}
