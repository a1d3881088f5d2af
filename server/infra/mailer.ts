import nodemailer from 'nodemailer';

export type MailAttachment = {
  filename: string;
  contentType: string;
  content: string;
  encoding?: 'base64' | 'utf8';
};
export type MailMessage = {
  from: string;
  to: string;
  subject: string;
  text: string;
  html?: string | null;
  attachments: MailAttachment[];
};

/** Sends one message or throws; the outbox job retries with back-off. */
export type Mailer = { readonly kind: 'smtp' | 'none'; send(message: MailMessage): Promise<void> };

/** Without SMTP, mail stays in the outbox (status "held") and the development mailbox shows it. */
export const noMailer: Mailer = {
  kind: 'none',
  async send() {},
};

export function smtpMailer(url: string): Mailer {
  const transport = nodemailer.createTransport(url);
  return {
    kind: 'smtp',
    async send(message) {
      await transport.sendMail({
        from: message.from,
        to: message.to,
        subject: message.subject,
        text: message.text,
        ...(message.html ? { html: message.html } : {}),
        attachments: message.attachments.map((a) => ({
          filename: a.filename,
          contentType: a.contentType,
          content: a.content,
          encoding: a.encoding ?? 'utf8',
        })),
      });
    },
  };
}
