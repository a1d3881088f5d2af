import type { CaseView } from '../../../../contracts/cases.ts';
import { caseKeys } from '../../../api/cases.ts';
import { CourtRecordForm } from '../../court/CourtRecordForm.tsx';

/** The program records the court case number and the judge or division of a referred case. */
export function CourtRecordSection({ c }: { c: CaseView }) {
  const d = c.details;
  if (!c.can.recordCourtRecord || d.form !== 'court_referral') return null;
  return (
    <section className="case-section" aria-labelledby="court-record">
      <h2 id="court-record">The court’s record</h2>
      <p>
        {d.judge || d.division
          ? `Heard by ${[d.judge, d.division].filter(Boolean).join(', ')}.`
          : 'No judge or division recorded yet.'}
      </p>
      <CourtRecordForm
        caseId={c.id}
        record={{ caseNumber: d.caseNumber, judge: d.judge ?? null, division: d.division ?? null }}
        invalidates={[caseKeys.case(c.id)]}
      />
    </section>
  );
}
