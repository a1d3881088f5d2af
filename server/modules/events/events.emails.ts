import { dollars } from '../../../domain/membership.ts';
import type { EmailText } from '../mail/mail.service.ts';

type Event = { title: string; provider: string };

/** Trainings' and events' e-mails: a seat, a place on the waitlist, a seat that opened, a certificate. */
export const EVENT_EMAILS = {
  registered: (name: string, event: Event, fee: { cents: number; member: boolean } | null): EmailText => ({
    template: 'event-registered',
    subject: `You are registered: ${event.title}`,
    text: `Hello ${name},\n\nYou have a seat at ${event.title} (${event.provider}). A calendar file is attached.${fee ? `\n\nThe fee is ${dollars(fee.cents)}${fee.member ? ' (member price)' : ''}. Pay by check made out to the Association of Missouri Mediators, or at the door; staff record it and e-mail you a receipt.` : ''}`,
  }),
  waitlisted: (name: string, event: Event): EmailText => ({
    template: 'event-waitlisted',
    subject: `You are on the waitlist: ${event.title}`,
    text: `Hello ${name},\n\n${event.title} is full, so you are on the waitlist. If a seat opens, it goes to the next person in line and we e-mail you at once.`,
  }),
  promoted: (name: string, event: Event): EmailText => ({
    template: 'event-promoted',
    subject: `A seat opened: you are registered for ${event.title}`,
    text: `Hello ${name},\n\nA seat opened at ${event.title} and it is yours. A calendar file is attached. If you can no longer come, please cancel so the next person can have it.`,
  }),
  certificate: (name: string, event: Event, hoursRecorded: boolean): EmailText => ({
    template: 'event-certificate',
    subject: `Your certificate of attendance: ${event.title}`,
    text: `Hello ${name},\n\nThank you for attending ${event.title}. Your certificate is attached.${hoursRecorded ? ' The hours are now in your training record.' : ''}`,
  }),
};
