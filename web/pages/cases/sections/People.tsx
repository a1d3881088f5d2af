import { type FormEvent, useState } from 'react';
import * as casePeople from '../../../../contracts/case-people.ts';
import type { CaseParticipant, CaseView } from '../../../../contracts/cases.ts';
import { caseKeys } from '../../../api/cases.ts';
import { useChange } from '../../../api/change.ts';
import { call } from '../../../api/client.ts';
import { Button } from '../../../components/Button.tsx';
import { ChangeStatus } from '../../../components/ChangeStatus.tsx';
import { Checkbox, Select, TextField } from '../../../components/Field.tsx';

const ROLE_WORDS: Record<CaseParticipant['role'], string> = {
  party: 'Party',
  advocate: 'Advocate',
  support: 'Support person',
  attorney: 'Attorney',
  interpreter: 'Interpreter',
};

const ADDABLE = ['advocate', 'support', 'interpreter', 'attorney'] as const;
type Addable = (typeof ADDABLE)[number];
const isAddable = (value: string): value is Addable => (ADDABLE as readonly string[]).includes(value);

export function PeopleSection({ c }: { c: CaseView }) {
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
      success:
        'The person is added to your side. If you gave an e-mail address, we send them a link to join.',
    },
  );
  const agree = useChange(() => call(casePeople.agreeToMoreCompanions, { params: { caseId: c.id } }), {
    invalidates: [caseKeys.case(c.id)],
    success: 'Saved: you agree that each side may bring more people.',
  });
  const err = add.error;
  const mySide = c.can.addToMySide ? c.viewer.side : null;
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (mySide) add.run(mySide);
  };
  return (
    <section className="case-section" aria-labelledby="people">
      <h2 id="people">Who is taking part</h2>
      <ul className="people-list">
        {c.participants.map((p) => (
          <li key={p.id}>
            <strong>{p.name}</strong>
            {p.organization ? `, ${p.organization}` : ''} ·{' '}
            {/* A party is one of the two sides: say which, without the lawyer's word. */}
            {p.role === 'party'
              ? p.side === 'requester'
                ? 'asked for mediation'
                : 'the other side'
              : `${ROLE_WORDS[p.role]} for the ${p.side === 'requester' ? 'side that asked' : 'other side'}`}
            {p.isMe ? ' (you)' : ''}
            {p.joined ? '' : ' · invited'}
            {p.email ? <div className="muted">{p.email}</div> : null}
            {p.address ? <div className="muted">{p.address}</div> : null}
            {p.phone ? <div className="muted">{p.phone}</div> : null}
            {p.contactHidden ? (
              <div className="muted">Contact details hidden from the other side.</div>
            ) : null}
          </li>
        ))}
      </ul>
      <p className="muted">
        {c.rules.attorneysAllowed
          ? 'Attorneys may attend.'
          : 'Attorneys do not attend the sessions for either side; an advocate who is not a lawyer may.'}{' '}
        {c.rules.companionsPerParty !== null
          ? `Each side may bring up to ${c.rules.companionsPerParty} people unless both sides agree to more.`
          : ''}
      </p>
      {mySide ? (
        <form className="form" onSubmit={onSubmit} noValidate>
          <h3>Add someone to your side</h3>
          <ChangeStatus of={add} />
          <Select
            label="They come as"
            name="role"
            value={role}
            onChange={(e) => {
              if (isAddable(e.target.value)) setRole(e.target.value);
            }}
            error={err?.field('role')}
          >
            {/* Where the pack bars attorneys (DESE: the Missouri State Plan), they are not offered at all. */}
            {ADDABLE.filter((r) => r !== 'attorney' || c.rules.attorneysAllowed).map((r) => (
              <option key={r} value={r}>
                {ROLE_WORDS[r]}
              </option>
            ))}
          </Select>
          <TextField
            label="Their name"
            name="name"
            value={name}
            onChange={(e) => setName(e.target.value)}
            error={err?.field('name')}
          />
          <TextField
            label="Their e-mail address (optional)"
            name="email"
            type="email"
            hint="We send them a link to join the case."
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            error={err?.field('email')}
          />
          {c.rules.attorneysAllowed ? (
            <Checkbox label="This person is a lawyer" checked={isAttorney} onChange={setIsAttorney} />
          ) : null}
          <Button type="submit" variant="secondary" busy={add.busy}>
            Add this person
          </Button>
        </form>
      ) : null}
      <ChangeStatus of={agree} />
      {c.can.agreeToMoreCompanions ? (
        <p>
          <Button variant="link" onClick={() => agree.run()} busy={agree.busy}>
            I agree that each side may bring more people
          </Button>
        </p>
      ) : null}
    </section>
  );
}
