import type { EmailText } from '../mail/mail.service.ts';

/** The newsletter's e-mail: an issue of The Communicator, with the link to stop getting it. */
export const NEWSLETTER_EMAILS = {
  issue: (
    issue: { issue_label: string; title: string; summary: string; body: string },
    links: { archive: string; unsubscribe: string },
  ): EmailText => ({
    template: 'newsletter',
    subject: `The Communicator, ${issue.issue_label}: ${issue.title}`,
    text: `${issue.summary ? `${issue.summary}\n\n` : ''}${issue.body}\n\nRead past issues: ${links.archive}\n\nTo stop getting The Communicator by e-mail, open this link:\n${links.unsubscribe}`,
  }),
  confirmSignUp: (link: string): EmailText => ({
    template: 'newsletter-confirm',
    subject: 'Please confirm: The Communicator by e-mail',
    text: `Someone (we hope you) asked to get The Communicator, the newsletter of the Association of Missouri Mediators, at this address.\n\nTo start getting it, open this link:\n${link}\n\nIf you did not ask, do nothing: you will not get any newsletter unless the link is opened.`,
  }),
};
