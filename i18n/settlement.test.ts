import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { familyRule88Pack } from '../domain/rule-packs/family-rule-88.ts';
import { specialEducationPack } from '../domain/rule-packs/special-education.ts';
import {
  agreementDocument,
  agreementStatus,
  agreementText,
  documentSections,
  milestoneDueDate,
  nameMatches,
  requiredSigners,
  scopeOf,
} from '../domain/settlement.ts';
import { diffLines, sideOf } from '../domain/text-diff.ts';
import { documentWords } from './document-words.ts';

// The written agreement's rules (domain/settlement.ts), its text in the words of the documents
// catalog: here, where the catalogs can be read.
const english = documentWords('en-US');

const people = [
  { id: 'p1', side: 'requester', role: 'party', name: 'Rosa Lopez', organization: null, isAttorney: false },
  {
    id: 'p2',
    side: 'respondent',
    role: 'party',
    name: 'Dana Director',
    organization: 'Riverside R-IV',
    isAttorney: false,
  },
  {
    id: 'a1',
    side: 'requester',
    role: 'attorney',
    name: 'Lee Counsel',
    organization: null,
    isAttorney: true,
  },
];
const issues = [
  { id: 'i1', title: 'Evaluation', status: 'agreed' },
  { id: 'i2', title: 'Provision of services', status: 'agreed' },
  { id: 'i3', title: 'Educational placement', status: 'not_agreed' },
];

describe('the written agreement', () => {
  it('RSMo 162.959: an agreement may settle only some issues', () => {
    expect(scopeOf(issues, ['i1', 'i2'])).toBe('partial');
    expect(scopeOf(issues, ['i1', 'i2', 'i3'])).toBe('full');
  });
  it('34 CFR 300.506(b)(6): confidentiality clause and a district representative who attests authority', () => {
    const signers = requiredSigners(specialEducationPack, people, english);
    expect(signers.map((s) => s.participantId)).toEqual(['p1', 'p2']);
    expect(signers.find((s) => s.participantId === 'p2')?.attestsAuthority).toBe(true);
    const text = agreementText(
      agreementDocument(
        specialEducationPack,
        {
          caseRef: 'SE-1',
          programName: 'DESE',
          partyNames: ['Rosa Lopez', 'Dana Director'],
          issues,
          content: {
            terms: [{ issueId: 'i1', text: 'The district evaluates Maya.', responsible: 'District' }],
            milestones: [
              {
                what: 'Services begin',
                responsible: 'District',
                due: { kind: 'date', date: '2026-03-03' },
                evidence: 'Service log',
              },
            ],
            settledIssueIds: ['i1', 'i2'],
          },
          signers,
        },
        english,
      ),
    );
    expect(text).toContain('may not be used as evidence in any later due process hearing');
    expect(text).toContain('authority to bind the school district');
    expect(text).toContain('Not settled by this agreement: Educational placement.');
    expect(text).toContain('by March 3, 2026');
  });
  it('Rule 88.06(c): family agreements are signed by attorneys too and bind only after court approval', () => {
    expect(requiredSigners(familyRule88Pack, people, english).map((s) => s.participantId)).toEqual([
      'p1',
      'p2',
      'a1',
    ]);
    expect(agreementStatus(familyRule88Pack, { allSigned: true, courtApprovedAt: null })).toBe(
      'awaiting_court_approval',
    );
    expect(agreementStatus(familyRule88Pack, { allSigned: true, courtApprovedAt: '2026-04-01' })).toBe(
      'binding',
    );
    expect(agreementStatus(specialEducationPack, { allSigned: true, courtApprovedAt: null })).toBe('binding');
  });
  it('milestones due a number of days after signing fall on the right date', () => {
    expect(milestoneDueDate({ kind: 'days_after_signing', days: 30 }, '2026-03-02')).toBe('2026-04-01');
    expect(milestoneDueDate({ kind: 'date', date: '2026-03-03' }, '2026-03-02')).toBe('2026-03-03');
  });
  it('a diff rebuilds both versions (property)', () => {
    const lines = fc.array(fc.constantFrom('a', 'b', 'c', 'd'), { maxLength: 8 }).map((l) => l.join('\n'));
    fc.assert(
      fc.property(lines, lines, (x, y) => {
        const d = diffLines(x, y);
        expect(sideOf(d, 'before')).toBe(x);
        expect(sideOf(d, 'after')).toBe(y);
      }),
    );
  });
});

describe('signing the written agreement', () => {
  it('takes a typed name as a signature when it is a name Parley knows, accents and case aside', () => {
    const known = ['José Núñez-García', 'Pepe Nunez'];
    expect(nameMatches('jose  nunez-garcia ', known)).toBe(true);
    expect(nameMatches('PEPE NUÑEZ', known)).toBe(true);
    expect(nameMatches('José', known)).toBe(false);
    expect(nameMatches('   ', known)).toBe(false);
  });

  it('reads a stored agreement back into its headings, terms and milestones, exactly as signed', () => {
    const content = {
      terms: [{ issueId: 'i1', text: 'The district evaluates.', responsible: 'District' }],
      milestones: [
        {
          what: 'Evaluation',
          responsible: 'District',
          due: { kind: 'date' as const, date: '2026-03-03' },
          evidence: 'Report',
        },
      ],
      settledIssueIds: ['i1'],
    };
    const doc = agreementDocument(
      specialEducationPack,
      {
        caseRef: 'SE-1',
        programName: 'DESE',
        partyNames: ['Rosa Lopez'],
        issues,
        content,
        signers: requiredSigners(specialEducationPack, people, english),
      },
      english,
    );
    const read = documentSections(agreementText(doc));
    expect(read.title).toBe(doc.title);
    expect(read.sections.map((s) => s.heading)).toEqual(doc.sections.map((s) => s.heading));
    const terms = read.sections.find((s) => s.heading === 'Terms')!;
    expect(terms).toEqual({
      heading: 'Terms',
      numbered: true,
      paragraphs: [expect.stringMatching(/^Evaluation: The district evaluates\./)],
    });
    expect(read.sections.find((s) => s.heading === 'Timeline')!.numbered).toBe(true);
  });
});
