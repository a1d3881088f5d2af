import type { Notice } from '../cases/notify.ts';

/** The Agreement to Mediate's e-mails. */
export const ATM_EMAILS = {
  readyToSchedule: (
    reference: string,
    deadlines: readonly { label: string; shown: string | null }[],
  ): Notice => ({
    template: 'ready-to-schedule',
    subject: `${reference}: ready to schedule`,
    body: [
      'Everyone signed the Agreement to Mediate. The next step is to set a date for the first session.',
      ...deadlines.map((d) => `- ${d.label}: by ${d.shown}`),
    ].join('\n'),
  }),
  disclosureWritten: (reference: string): Notice => ({
    template: 'disclosure-written',
    subject: `${reference}: the Agreement to Mediate is ready to read and sign`,
    body: 'The mediator wrote their fees and any relationships or conflicts into the Agreement to Mediate (Rule 88.06(a)). Read it on the case page and sign it. If you signed an earlier version, sign this one: it replaces it.',
  }),
};
