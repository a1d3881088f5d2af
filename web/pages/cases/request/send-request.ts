import type { CreateCaseBody } from '../../../../contracts/case-intake.ts';
import type { District } from '../../../../contracts/programs.ts';
import type { RequestDraft } from '../../../../contracts/request-drafts.ts';
import type { RulePack } from '../../../../domain/rule-packs/types.ts';

/** Which request form each kind of program takes. */
export const FORM_OF: Record<string, 'special_education' | 'court_referral' | 'community'> = {
  special_education: 'special_education',
  family: 'court_referral',
  civil: 'court_referral',
  community: 'community',
};

export type RequestForm = (typeof FORM_OF)[string];

/** What the request form knows when it is sent: the draft's answers and who sends it. */
export type Sending = {
  form: RequestForm;
  program: { id: string; kind: string };
  pack: RulePack;
  draft: RequestDraft;
  preferredMediator: string | undefined;
  /** The district picked from the program's list, if any. */
  chosen: District | undefined;
  districtName: string;
  /** A coordinator may ask on someone's behalf. */
  isCoordinator: boolean;
  myName: string;
  /** The name the district's office goes by when the parent names no contact person. */
  districtOffice: (district: string) => string;
};

/** The request as the server takes it (contracts/case-intake.ts), from the form's answers. */
export function requestBody(s: Sending): CreateCaseBody {
  const { form, program, pack, draft, chosen } = s;
  const v = draft.answers;
  const common = {
    programId: program.id,
    preferredMediator: s.preferredMediator,
    county: v.county || undefined,
    description: v.description ?? '',
    respondent: { name: v.otherName ?? '', email: v.otherEmail ?? '', organization: v.otherOrg || undefined },
    requester:
      s.isCoordinator && v.requesterEmail
        ? { name: v.requesterName ?? '', email: v.requesterEmail }
        : v.address || v.phone
          ? { name: s.myName, address: v.address || undefined, phone: v.phone || undefined }
          : undefined,
  };
  if (form === 'special_education') {
    const dueProcess = v.dueProcess ?? '';
    return {
      ...common,
      form: 'special_education',
      respondent: chosen
        ? {
            name: v.otherName || s.districtOffice(chosen.name),
            email: chosen.email,
            organization: chosen.name,
          }
        : { ...common.respondent, organization: v.district || undefined },
      student: { name: v.student ?? '', school: v.school || undefined, grade: v.grade || undefined },
      district: { name: s.districtName, id: chosen?.id },
      categories: draft.issues,
      requestStateMediation: draft.askState,
      dueProcessPending: dueProcess === 'yes' ? true : dueProcess === 'no' ? false : undefined,
    };
  }
  if (form === 'court_referral') {
    return {
      ...common,
      form: 'court_referral',
      caseType: v.caseType ?? pack.caseTypes.value[0]!.id,
      court: v.court ?? '',
      circuit: v.circuit ?? '',
      caseNumber: v.caseNumber ?? '',
      rule: program.kind === 'family' ? '88' : '17',
      orderDate: v.orderDate ?? '',
      beginBy: v.beginBy || undefined,
      issues: draft.issues,
    };
  }
  return { ...common, form: 'community', caseType: v.caseType ?? pack.caseTypes.value[0]!.id };
}
