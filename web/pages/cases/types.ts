/** The case as the server presents it to one viewer (see server/modules/cases/cases.view.ts). */
export type Viewer = {
  kind: 'party' | 'companion' | 'mediator' | 'coordinator';
  side: 'requester' | 'respondent' | null;
  participantId: string | null;
};
export type Participant = {
  id: string;
  side: 'requester' | 'respondent';
  role: string;
  name: string;
  organization: string | null;
  isAttorney: boolean;
  joined: boolean;
  email: string | null;
  address: string | null;
  phone: string | null;
  contactHidden?: boolean;
  agreedToMoreCompanions?: boolean;
  isMe: boolean;
};
export type Deadline = {
  id: string;
  label: string;
  dueDate: string | null;
  status: 'upcoming' | 'due_soon' | 'overdue' | 'met' | 'not_started';
  daysLeft: number | null;
  cite: string;
  shown: string | null;
};
export type CaseView = {
  id: string;
  reference: string;
  title: string;
  state: string;
  stateLabel: string;
  closed: boolean;
  closeReason: string | null;
  caseType: string;
  programId: string;
  programName: string;
  pack: { id: string; version: string; name: string };
  details: Record<string, unknown>;
  createdAt: string;
  viewer: Viewer;
  participants: Participant[];
  consent: {
    kind: string;
    cite: string;
    consentedAt: string | null;
    optOutAllowed: boolean;
    optOutRequestedAt: string | null;
  };
  rules: {
    attorneysAllowed: boolean;
    attorneysCite: string;
    companionsPerParty: number | null;
    companionsCite: string;
    cost: string;
    selection: string[];
    issues: { id: string; label: string }[];
  };
  screening: {
    decision: string | null;
    mine: 'answered' | 'not_answered' | null;
    answered?: number;
    safeguards: { participantId: string; kind: string }[];
    quickExit: boolean;
  };
  mediator: {
    id: string;
    name: string | null;
    status: string;
    disclosure: string | null;
    chosenAt: string | null;
    isMe: boolean;
  } | null;
  agreementToMediate: { signedBy: string[] };
  mediation: { agreementSigned: boolean; outcome: string | null };
  deadlines: Deadline[];
  nextSteps: string[];
};
export type CaseSummary = {
  id: string;
  reference: string;
  title: string;
  state: string;
  stateLabel: string;
  programName?: string;
  asMediator?: boolean;
  mediatorStatus?: string | null;
  mediatorName?: string | null;
  /** The written agreement is signed: its promises are tracked on the case's promises page. */
  hasPromises?: boolean;
  createdAt?: string;
  updatedAt: string;
};

export const caseKey = (id: string) => ['case', id] as const;
