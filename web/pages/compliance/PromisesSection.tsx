import { Link } from 'react-router';
import type { ReminderSent } from '../../../contracts/compliance.ts';
import { formatMissouriDate, formatMissouriStamp } from '../../../domain/missouri-time.ts';
import { useCaseCompliance } from '../../api/compliance.ts';
import './compliance.css';

export const REMINDER_WORDS: Record<ReminderSent['kind'], string> = {
  before: 'Coming up soon',
  due_today: 'Due today',
  overdue: 'Overdue',
};

/**
 * On the case page, once the agreement is signed: how its promises stand and every reminder sent.
 * Shows nothing to someone who cannot read the signed agreement, or before there is one.
 */
export function PromisesSection({ caseId }: { caseId: string }) {
  const c = useCaseCompliance(caseId).data;
  if (!c?.milestones.length) return null;
  const late = c.milestones.filter((m) => m.overdue).length;
  const done = c.milestones.filter((m) => m.state === 'done' || m.state === 'confirmed').length;
  return (
    <section className="case-section" aria-labelledby="promises">
      <h2 id="promises">Promises in your agreement</h2>
      <p>
        {done} of {c.milestones.length} done. {late ? <strong>{late} late.</strong> : 'None late.'}{' '}
        <Link to={`/cases/${caseId}/promises`}>See what was promised, by when, and if it is done</Link>
      </p>
      <h3>Reminders sent</h3>
      {c.reminders.length ? (
        <ul className="c-reminders">
          {c.reminders.map((r) => (
            <li key={r.id}>
              {REMINDER_WORDS[r.kind]}: “{r.what}” (due {formatMissouriDate(r.dueDate)}), sent{' '}
              {formatMissouriStamp(r.sentAt)} to {r.to.map((p) => p.name).join(', ') || 'no one'}.
            </li>
          ))}
        </ul>
      ) : (
        <p>None yet.</p>
      )}
    </section>
  );
}
