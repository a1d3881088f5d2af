import { translator } from '../../../i18n/i18n.ts';
import type { Notice, NoticeWords } from '../cases/notify.ts';

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
  disclosureWritten:
    (reference: string): NoticeWords =>
    (language) => {
      const t = translator(language, 'emails');
      return {
        template: 'disclosure-written',
        subject: t('agreementToMediate.readySubject', { reference }),
        body: t('agreementToMediate.ready'),
      };
    },
};
