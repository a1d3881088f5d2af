import type { Notice } from '../cases/notify.ts';

/** The written agreement's e-mails: a draft to read, everyone signed, the state program's copy. */
export const AGREEMENT_EMAILS = {
  draftReady: (reference: string, version: number, electronic: boolean): Notice => ({
    template: 'agreement-draft',
    subject: `${reference}: ${version === 1 ? 'a draft agreement is ready to read' : 'the draft agreement changed'}`,
    body: `Version ${version} of your written agreement is ready. Please read it on Parley${electronic ? ' and sign it if it says what you agreed' : ''}. You can comment on it there.`,
  }),
  signedByAll: (reference: string, awaitingCourt: boolean): Notice => ({
    template: 'agreement-signed',
    subject: `${reference}: your agreement is signed`,
    body: awaitingCourt
      ? 'Everyone has signed your agreement. It goes to the judge next. It is not final until the judge approves it. You can download the signed copy on Parley.'
      : 'Everyone has signed your agreement. You can download the signed copy on Parley.',
  }),
  /** To the state program's coordinators, with the signed PDF attached. */
  programCopy: (p: { name: string; reference: string; cite: string }) => ({
    template: 'agreement-program-copy',
    subject: `${p.reference}: signed mediation agreement for the state's records`,
    text: `Hello ${p.name},\n\nThe signed mediation agreement for case ${p.reference} is attached for the state program's records (${p.cite}).\n\nParley`,
  }),
};
