import { translator } from '../../../i18n/i18n.ts';
import type { Notice, NoticeWords } from '../cases/notify.ts';

/** The written agreement's e-mails: a draft to read, everyone signed, the state program's copy. */
export const AGREEMENT_EMAILS = {
  draftReady:
    (reference: string, version: number, electronic: boolean): NoticeWords =>
    (language) => {
      const t = translator(language, 'emails');
      return {
        template: 'agreement-draft',
        subject: t('agreement.draftSubject', { reference, version }),
        body: t('agreement.draft', { version, electronic: electronic ? 'yes' : 'no' }),
      };
    },
  signedByAll:
    (reference: string, awaitingCourt: boolean): NoticeWords =>
    (language) => {
      const t = translator(language, 'emails');
      return {
        template: 'agreement-signed',
        subject: t('agreement.signedSubject', { reference }),
        body: t('agreement.signed', { court: awaitingCourt ? 'yes' : 'no' }),
      };
    },
  /** To the court (Rule 88.06(c)): a signed family agreement waits for its approval. */
  forCourtApproval: (reference: string): Notice => ({
    template: 'agreement-for-approval',
    subject: `${reference}: a signed agreement waits for the court's approval`,
    body: 'Everyone has signed the written agreement of this court-referred family case. It is not binding until the court approves it (Rule 88.06(c)). The signed agreement is on the court’s page of the case, where the court’s approval can be recorded.',
  }),
  courtApproved: (reference: string, approvedOn: string): Notice => ({
    template: 'agreement-court-approved',
    subject: `${reference}: the court approved your agreement`,
    body: `The court approved your signed agreement on ${approvedOn}. It is now binding. You can download the signed copy on Parley.`,
  }),
  /** To the state program's coordinators, with the signed PDF attached. */
  programCopy: (p: { name: string; reference: string; cite: string }) => ({
    template: 'agreement-program-copy',
    subject: `${p.reference}: signed mediation agreement for the state's records`,
    text: `Hello ${p.name},\n\nThe signed mediation agreement for case ${p.reference} is attached for the state program's records (${p.cite}).\n\nParley`,
  }),
};
