import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import * as casePeople from '../../../../contracts/case-people.ts';
import type { CaseParticipant, CaseView } from '../../../../contracts/cases.ts';
import { caseKeys } from '../../../api/cases.ts';
import { useChange } from '../../../api/change.ts';
import { call } from '../../../api/client.ts';
import { Button } from '../../../components/Button.tsx';
import { ChangeStatus } from '../../../components/ChangeStatus.tsx';
import { Checkbox, Options, Select, TextField } from '../../../components/Field.tsx';

const ADDABLE = ['advocate', 'support', 'interpreter', 'attorney'] as const;
type Addable = (typeof ADDABLE)[number];
const isAddable = (value: string): value is Addable => (ADDABLE as readonly string[]).includes(value);

export function PeopleSection({ c }: { c: CaseView }) {
  const { t } = useTranslation('case');
  const [role, setRole] = useState<Addable>('advocate');
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [isAttorney, setIsAttorney] = useState(false);
  const add = useChange(
    (side: CaseParticipant['side']) =>
      call(casePeople.addParticipant, {
        params: { caseId: c.id },
        body: { side, role, name, email: email || undefined, isAttorney },
      }),
    {
      invalidates: [caseKeys.case(c.id)],
      onSuccess: () => {
        setName('');
        setEmail('');
      },
      success: t('people.added'),
    },
  );
  const agree = useChange(() => call(casePeople.agreeToMoreCompanions, { params: { caseId: c.id } }), {
    invalidates: [caseKeys.case(c.id)],
    success: t('people.agreed'),
  });
  const err = add.error;
  const mySide = c.can.addToMySide ? c.viewer.side : null;
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (mySide) add.run(mySide);
  };
  return (
    <section className="case-section" aria-labelledby="people">
      <h2 id="people">{t('people.heading')}</h2>
      <ul className="people-list">
        {c.participants.map((p) => (
          <li key={p.id}>
            <strong>{p.name}</strong>
            {p.organization ? `, ${p.organization}` : ''} ·{' '}
            {/* A party is one of the two sides: say which, without the lawyer's word. */}
            {t(p.role === 'party' ? 'people.party' : 'people.companion', {
              side: p.side,
              role: p.role,
              me: p.isMe ? 'yes' : 'no',
            })}
            {p.joined ? '' : ` · ${t('people.invited')}`}
            {p.email ? <div className="muted">{p.email}</div> : null}
            {p.address ? <div className="muted">{p.address}</div> : null}
            {p.phone ? <div className="muted">{p.phone}</div> : null}
            {p.contactHidden ? <div className="muted">{t('people.contactHidden')}</div> : null}
          </li>
        ))}
      </ul>
      <p className="muted">
        {c.rules.attorneysAllowed ? t('people.attorneysAllowed') : t('people.attorneysBarred')}{' '}
        {c.rules.companionsPerParty !== null
          ? t('people.companionsPerParty', { count: c.rules.companionsPerParty })
          : ''}
      </p>
      {mySide ? (
        <form className="form" onSubmit={onSubmit} noValidate>
          <h3>{t('people.addHeading')}</h3>
          <ChangeStatus of={add} />
          <Select
            label={t('people.comesAs')}
            name="role"
            value={role}
            onChange={(e) => {
              if (isAddable(e.target.value)) setRole(e.target.value);
            }}
            error={err?.field('role')}
          >
            {/* Where the pack bars attorneys (DESE: the Missouri State Plan), they are not offered at all. */}
            <Options
              values={ADDABLE.filter((r) => r !== 'attorney' || c.rules.attorneysAllowed)}
              words={(r) => t(`people.role.${r}`)}
            />
          </Select>
          <TextField
            label={t('people.name')}
            name="name"
            value={name}
            onChange={(e) => setName(e.target.value)}
            error={err?.field('name')}
          />
          <TextField
            label={t('people.email')}
            name="email"
            type="email"
            hint={t('people.emailHint')}
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            error={err?.field('email')}
          />
          {c.rules.attorneysAllowed ? (
            <Checkbox label={t('people.isLawyer')} checked={isAttorney} onChange={setIsAttorney} />
          ) : null}
          <Button type="submit" variant="secondary" busy={add.busy}>
            {t('people.add')}
          </Button>
        </form>
      ) : null}
      <ChangeStatus of={agree} />
      {c.can.agreeToMoreCompanions ? (
        <p>
          <Button variant="link" onClick={() => agree.run()} busy={agree.busy}>
            {t('people.agreeMore')}
          </Button>
        </p>
      ) : null}
    </section>
  );
}
