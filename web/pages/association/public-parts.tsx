import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CourseKind } from '../../../domain/eligibility.ts';
import type { Session } from '../../../domain/event-schedule.ts';
import type { MembershipStatus } from '../../../domain/membership.ts';
import { useFormats } from '../../i18n.ts';

/**
 * The association's words for the pages anyone may read (the `association` catalog), in the
 * page's language: money, kinds of event, the state of a registration, prices and a training's
 * days. A code the catalog does not know shows as itself.
 */
export function useAssociationWords() {
  const { t } = useTranslation('association');
  const formats = useFormats();
  return useMemo(() => {
    const money = (cents: number) => (cents === 0 ? t('free') : formats.money(cents));
    return {
      t,
      formats,
      money,
      eventKind: (kind: string) => t(`eventKind.${kind}`, { defaultValue: kind }),
      registrationStatus: (status: string) => t(`registrationStatus.${status}`, { defaultValue: status }),
      /** What an event costs, said once: free, one price, or the members' price and the others'. */
      price: (memberCents: number, otherCents: number) => {
        if (memberCents === otherCents) return money(otherCents);
        const either = (cents: number) => (cents === 0 ? t('price.free') : formats.money(cents));
        return t('price.split', { members: either(memberCents), others: either(otherCents) });
      },
      /** One day of a training: its date with the weekday, from its start to its end, Missouri time. */
      session: (s: Session) =>
        t('training.session', {
          day: formats.date(s.startsAt, { weekday: true }),
          from: formats.time(s.startsAt),
          to: formats.time(s.endsAt),
        }),
    };
  }, [t, formats]);
}

/** The hours a training credits to the training record, by kind of course. */
export function CreditsList({ credits }: { credits: readonly { kind: CourseKind; hours: number }[] }) {
  const { t } = useTranslation('association');
  const labels = useTranslation('visitor').t;
  return (
    <ul>
      {credits.map((c) => (
        <li key={c.kind}>{t('credit', { kind: labels(`labels.courseKind.${c.kind}`), hours: c.hours })}</li>
      ))}
    </ul>
  );
}

/** The association's public pages, linked from each of them (`links.<page>` in the catalog). */
const ASSOCIATION_PAGES = [
  ['membership', '/association'],
  ['trainings', '/trainings'],
  ['newsletter', '/newsletter'],
  ['jobs', '/jobs'],
  ['become', '/become-a-mediator'],
] as const;

/** The association's public pages, linked from each of them. */
export function AssociationLinks() {
  const { t } = useTranslation('association');
  return (
    <nav className="assoc-links" aria-label={t('links.label')}>
      <h2>{t('links.title')}</h2>
      <ul className="link-list">
        {ASSOCIATION_PAGES.map(([page, to]) => (
          <li key={page}>
            <Link to={to}>{t(`links.${page}`)}</Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/**
 * A membership's tier, state, paid period and grace end: the same words and dates on the member's
 * own page and on staff's record of them.
 */
export function MembershipFacts({
  m,
}: {
  m: { tierName: string; status: MembershipStatus; expiresAt: string | null; graceEndsAt: string | null };
}) {
  const { t } = useTranslation('association');
  const formats = useFormats();
  return (
    <dl className="facts">
      <div>
        <dt>{t('facts.membership')}</dt>
        <dd>{m.tierName}</dd>
      </div>
      <div>
        <dt>{t('facts.status')}</dt>
        <dd data-testid="membership-status">{t(`membershipStatus.${m.status}`)}</dd>
      </div>
      {m.expiresAt ? (
        <div>
          <dt>{m.status === 'active' ? t('facts.paidUntil') : t('facts.endedOn')}</dt>
          <dd>{formats.date(m.expiresAt)}</dd>
        </div>
      ) : null}
      {m.status === 'grace' && m.graceEndsAt ? (
        <div>
          <dt>{t('facts.benefitsStop')}</dt>
          <dd>{formats.date(m.graceEndsAt)}</dd>
        </div>
      ) : null}
    </dl>
  );
}
