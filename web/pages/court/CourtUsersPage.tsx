import * as court from '../../../contracts/court.ts';
import { formatMissouriDate } from '../../../domain/missouri-time.ts';
import { useChange } from '../../api/change.ts';
import { call, errorMessage } from '../../api/client.ts';
import { courtKeys, useCourtUsers } from '../../api/court.ts';
import { Alert } from '../../components/Alert.tsx';
import { ChangeStatus } from '../../components/ChangeStatus.tsx';
import { Entry, EntryList, RemoveButton } from '../../components/EntryList.tsx';
import { Select } from '../../components/Field.tsx';
import { useFormValues } from '../../components/form-values.ts';
import { InviteeFields } from '../../components/InviteeFields.tsx';
import { Loading } from '../../components/Loading.tsx';
import { Page } from '../../components/Page.tsx';
import { SendForm } from '../../components/SendForm.tsx';
import '../programs/programs.css';

const STATUS = {
  pending: 'waiting for an answer',
  accepted: 'accepted',
  expired: 'expired',
  revoked: 'withdrawn',
  declined: 'declined',
} as const;

/**
 * The courts' users, for an administrator: invite a circuit's clerk or judge's staff by e-mail
 * (accepting gives them that circuit's referred cases), see who has access, and take it away.
 */
export function CourtUsersPage() {
  const list = useCourtUsers();
  return (
    <Page
      title="Court users"
      lead="A circuit’s clerks and judges’ staff see the cases that circuit’s courts referred to mediation, and what the rules let a court see of them: never what is said in mediation."
    >
      {list.isPending ? (
        <Loading what="Loading the court users" />
      ) : list.isError ? (
        <Alert tone="error">{errorMessage(list.error)}</Alert>
      ) : (
        <>
          <InviteCourtUser circuits={list.data.circuits} />
          <CourtUserList data={list.data} />
        </>
      )}
    </Page>
  );
}

const circuitLabel = (c: court.CourtCircuit) => `${c.name.replace(/^the /, '')} (${c.counties.join(', ')})`;

function InviteCourtUser({ circuits }: { circuits: court.CourtCircuit[] }) {
  const invite = useChange(
    (body: { name: string; email: string; circuit: number | undefined }) =>
      call(court.inviteCourtUser, { body }),
    {
      invalidates: [courtKeys.users()],
      success: (_, body) =>
        `Invitation sent to ${body.email}. Once they accept, they see their circuit’s referred cases.`,
      onSuccess: () => {
        form.reset();
      },
    },
  );
  const form = useFormValues({ name: '', email: '', circuit: '' }, invite);
  const { circuit, ...invitee } = form.values;
  return (
    <section aria-labelledby="invite-court-user">
      <h2 id="invite-court-user">Invite a court user</h2>
      <ChangeStatus of={invite} />
      <SendForm
        // No circuit chosen is sent as none, so the server names it ("Choose the circuit").
        onSend={() => invite.run({ ...invitee, circuit: circuit === '' ? undefined : Number(circuit) })}
        busy={invite.busy}
        busyLabel="Sending…"
        submit="Send the invitation"
      >
        <InviteeFields
          {...invitee}
          onName={(v) => form.set('name', v)}
          onEmail={(v) => form.set('email', v)}
          field={invite.field}
        />
        <Select label="Circuit" hint="The circuit whose referred cases they see" {...form.bind('circuit')}>
          <option value="">Choose the circuit</option>
          {circuits.map((c) => (
            <option key={c.circuit} value={c.circuit}>
              {circuitLabel(c)}
            </option>
          ))}
        </Select>
      </SendForm>
    </section>
  );
}

function CourtUserList({ data }: { data: court.CourtUsers }) {
  const names = new Map(data.circuits.map((c) => [c.circuit, c.name.replace(/^the /, '')]));
  const remove = useChange(
    (u: court.CourtUser) =>
      call(court.removeCourtUser, { params: { userId: u.userId, circuit: u.circuit } }).then(() => u),
    {
      invalidates: [courtKeys.users()],
      success: (u) => `${u.name} no longer sees the cases of the ${names.get(u.circuit)}.`,
    },
  );
  const waiting = data.invitations.filter((i) => i.status === 'pending' || i.status === 'expired');
  return (
    <>
      <section aria-labelledby="court-users">
        <h2 id="court-users">Who has access</h2>
        <ChangeStatus of={remove} />
        <EntryList empty="No court users yet.">
          {data.users.map((u) => (
            <Entry
              key={`${u.userId}-${u.circuit}`}
              name={u.name}
              after={` · ${names.get(u.circuit)}`}
              action={<RemoveButton name={u.name} busy={remove.busy} onClick={() => remove.run(u)} />}
            >
              <span className="muted">
                {u.email} · since {formatMissouriDate(u.since)}
              </span>
            </Entry>
          ))}
        </EntryList>
      </section>
      <section aria-labelledby="court-invitations">
        <h2 id="court-invitations">Invitations not accepted</h2>
        <EntryList empty="None.">
          {waiting.map((i) => (
            <Entry key={i.id} name={i.name} after={` · ${names.get(i.circuit)}`}>
              <span className="muted">
                {i.email} · {STATUS[i.status]}
                {i.status === 'pending' ? ` until ${formatMissouriDate(i.expiresAt)}` : ''}
              </span>
            </Entry>
          ))}
        </EntryList>
      </section>
    </>
  );
}
