import * as compliance from '../../../contracts/compliance.ts';
import { formatMissouriDate, formatMissouriStamp } from '../../../domain/missouri-time.ts';
import { href } from '../../api/client.ts';
import { useCaseCompliance } from '../../api/compliance.ts';
import { Loading } from '../../components/Loading.tsx';
import { ErrorAlert, mediationPage } from '../mediation/shared.tsx';
import './compliance.css';
import { MilestoneCard } from './MilestoneCard.tsx';
import { REMINDER_WORDS } from './PromisesSection.tsx';

const ROLE_WORDS: Record<string, string> = {
  requester: 'asked for mediation',
  respondent: 'other side',
  mediator: 'mediator',
  coordinator: 'program',
};

/**
 * "What was promised, by when, and is it done": the parent's plain-language view of a signed
 * agreement's promises, with the evidence, the reminders sent, and the enforcement packet.
 */
export const PromisesPage = mediationPage('What was promised', Promises);

function Promises({ caseId }: { caseId: string }) {
  const view = useCaseCompliance(caseId);
  if (view.isPending) return <Loading what="Loading the promises" />;
  if (view.isError) return <ErrorAlert error={view.error} />;
  const c = view.data;
  if (!c.milestones.length)
    return (
      <p>
        Nothing to track yet. When everyone has signed the agreement, each promise in its timeline shows here
        with its date.
      </p>
    );
  const open = c.milestones.filter((m) => m.overdue).length;
  return (
    <>
      <p className="c-lead">
        Your agreement was signed on {formatMissouriDate(c.signedOn!)}. Here is each promise in it, who must
        do it, by when, and if it is done.{' '}
        {open ? (
          <strong>
            {open} promise{open === 1 ? ' is' : 's are'} late.
          </strong>
        ) : null}
      </p>
      {c.can.downloadEnforcementPacket ? (
        <section className="c-packet" aria-labelledby="packet">
          <h2 id="packet">A promise was not kept</h2>
          <p>
            You can download an enforcement packet. It has the signed agreement, the dates, the evidence list
            and the reminders we sent. You can take it to a lawyer or a court. It has nothing that was said in
            mediation.
          </p>
          <a className="button" href={href(compliance.getEnforcementPacket, { caseId })} download>
            Download the enforcement packet (PDF)
          </a>
        </section>
      ) : null}
      <ol className="c-list">
        {c.milestones.map((m) => (
          <li key={m.id}>
            <MilestoneCard caseId={caseId} m={m} today={c.today} />
          </li>
        ))}
      </ol>
      <section className="m-section" aria-labelledby="reminders">
        <h2 id="reminders">Reminders we sent</h2>
        {c.reminders.length ? (
          <ul className="c-reminders">
            {c.reminders.map((r) => (
              <li key={r.id}>
                <strong>{REMINDER_WORDS[r.kind]}:</strong> “{r.what}” (due {formatMissouriDate(r.dueDate)}).
                Sent {formatMissouriStamp(r.sentAt)} to{' '}
                {r.to.map((p) => `${p.name} (${ROLE_WORDS[p.role] ?? p.role})`).join(', ') || 'no one'}.
              </li>
            ))}
          </ul>
        ) : (
          <p>
            No reminders yet. We remind the side that must act a few days before the date, and on the day.
          </p>
        )}
      </section>
    </>
  );
}
