import type { EmailText } from '../mail/mail.service.ts';

/** The jobs board's e-mail: an alert for a new opening, to members who asked for one. */
export const JOBS_BOARD_EMAILS = {
  alert: (
    name: string,
    job: { title: string; organization: string; location: string; expiresOn: string },
    membersUrl: string,
  ): EmailText => ({
    template: 'job-alert',
    subject: `New opening: ${job.title}, ${job.organization}`,
    text: `Hello ${name},\n\nA new opening was posted for members:\n\n${job.title}\n${job.organization}, ${job.location}\nOpen until ${job.expiresOn}\n\nSee it on the members page: ${membersUrl}\n\nYou get these because you asked for job alerts. You can turn them off on the members page.`,
  }),
};
