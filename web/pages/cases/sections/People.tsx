import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useChange } from '../../../api/change.ts';
import { api } from '../../../api/client.ts';
import { Button } from '../../../components/Button.tsx';
import { ChangeStatus } from '../../../components/ChangeStatus.tsx';
import { Checkbox, Select, TextField } from '../../../components/Field.tsx';
import { type CaseView, caseKey } from '../types.ts';

const ROLE_WORDS: Record<string, string> = {
  party: 'Party',
  advocate: 'Advocate',
  support: 'Support person',
  attorney: 'Attorney',
  interpreter: 'Interpreter',
};

export function PeopleSection({ c }: { c: CaseView }) {
  const client = useQueryClient();
  const [role, setRole] = useState('advocate');
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [isAttorney, setIsAttorney] = useState(false);
  const add = useChange(
    () =>
      api.post(`/api/v1/cases/${c.id}/participants`, {
        side: c.viewer.side,
        role,
        name,
        email: email || undefined,
        isAttorney,
      }),
    {
      onSuccess: async () => {
        setName('');
        setEmail('');
        await client.invalidateQueries({ queryKey: caseKey(c.id) });
      },
    },
  );
  const agree = useChange(() => api.post(`/api/v1/cases/${c.id}/companion-agreement`), {
    onSuccess: () => client.invalidateQueries({ queryKey: caseKey(c.id) }),
  });
  const err = add.error;
  const canAdd = !c.closed && c.viewer.side !== null;
  const me = c.participants.find((p) => p.isMe);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    add.run();
  };
  return (
    <section className="case-section" aria-labelledby="people">
      <h2 id="people">Who is taking part</h2>
      <ul className="people-list">
        {c.participants.map((p) => (
          <li key={p.id}>
            <strong>{p.name}</strong>
            {p.organization ? `, ${p.organization}` : ''} · {ROLE_WORDS[p.role] ?? p.role} for the{' '}
            {p.side === 'requester' ? 'side that asked' : 'other side'}
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
      {canAdd ? (
        <form className="form" onSubmit={onSubmit} noValidate>
          <h3>Add someone to your side</h3>
          <ChangeStatus of={add} />
          <Select
            label="They come as"
            name="role"
            value={role}
            onChange={(e) => setRole(e.target.value)}
            error={err?.field('role')}
          >
            <option value="advocate">Advocate</option>
            <option value="support">Support person</option>
            <option value="interpreter">Interpreter</option>
            <option value="attorney">Attorney</option>
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
          <Checkbox label="This person is a lawyer" checked={isAttorney} onChange={setIsAttorney} />
          <Button type="submit" variant="secondary" busy={add.busy}>
            Add this person
          </Button>
        </form>
      ) : null}
      {c.viewer.kind === 'party' &&
      c.rules.companionsPerParty !== null &&
      !c.closed &&
      !me?.agreedToMoreCompanions ? (
        <p>
          <Button variant="link" onClick={() => agree.run()} busy={agree.busy}>
            I agree that each side may bring more people
          </Button>
        </p>
      ) : null}
    </section>
  );
}
