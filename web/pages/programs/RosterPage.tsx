import { useState } from 'react';
import { useParams } from 'react-router';
import { createInvitation } from '../../../contracts/invitations.ts';
import * as programs from '../../../contracts/programs.ts';
import { formatMissouriDate } from '../../../domain/missouri-time.ts';
import { useChange } from '../../api/change.ts';
import { call, errorMessage } from '../../api/client.ts';
import { programKeys, useProgram, useProgramRoster } from '../../api/programs.ts';
import { Alert } from '../../components/Alert.tsx';
import { ChangeStatus } from '../../components/ChangeStatus.tsx';
import { Entry, EntryList, RemoveButton } from '../../components/EntryList.tsx';
import { InviteeFields } from '../../components/InviteeFields.tsx';
import { Loading } from '../../components/Loading.tsx';
import { Page } from '../../components/Page.tsx';
import { SendForm } from '../../components/SendForm.tsx';
import './programs.css';

/**
 * The program's roster, for its coordinators: its mediators, whether each may be appointed in its
 * cases now and why not, inviting a mediator by e-mail, and taking one off the roster.
 */
export function RosterPage() {
  const { programId = '' } = useParams();
  const program = useProgram(programId);
  const roster = useProgramRoster(programId);
  return (
    <Page
      title="Mediators on the roster"
      lead={`The mediators ${program.data?.name ?? 'the program'} may appoint in its cases.`}
    >
      {roster.isPending ? (
        <Loading what="Loading the roster" />
      ) : roster.isError ? (
        <Alert tone="error">{errorMessage(roster.error)}</Alert>
      ) : (
        <>
          <p>Who may be appointed: {roster.data.rule}</p>
          <MediatorList programId={programId} data={roster.data} />
          {roster.data.can.invite ? <InviteMediator programId={programId} /> : null}
        </>
      )}
    </Page>
  );
}

function MediatorList({ programId, data }: { programId: string; data: programs.ProgramRoster }) {
  const remove = useChange(
    (m: programs.RosterMediator) =>
      call(programs.removeFromRoster, { params: { programId, userId: m.userId } }).then(() => m),
    {
      invalidates: [programKeys.roster(programId)],
      success: (m) => `${m.name} is no longer on the roster and will not be offered new cases.`,
    },
  );
  return (
    <>
      <section aria-labelledby="roster-mediators">
        <h2 id="roster-mediators">Mediators</h2>
        <ChangeStatus of={remove} />
        <EntryList empty="No mediators yet. Invite one below.">
          {data.mediators.map((m) => (
            <Entry
              key={m.userId}
              name={m.name}
              action={
                m.can.remove ? (
                  <RemoveButton name={m.name} busy={remove.busy} onClick={() => remove.run(m)} />
                ) : null
              }
            >
              <span className="muted">{m.email}</span>
              <br />
              <span className={m.mayBeAppointed ? undefined : 'muted'}>
                {m.mayBeAppointed ? 'May be appointed now.' : `May not be appointed now: ${m.reason}`}
              </span>
              {m.can.remove ? null : (
                <>
                  <br />
                  <span className="muted">
                    Mediates an open case of the program, so stays on the roster until it closes.
                  </span>
                </>
              )}
            </Entry>
          ))}
        </EntryList>
      </section>
      <section aria-labelledby="roster-invitations">
        <h2 id="roster-invitations">Invitations not yet accepted</h2>
        <EntryList empty="None.">
          {data.invitations.map((i) => (
            <Entry key={i.id} name={i.name} after={` · ${i.email}`}>
              <span className="muted">waiting for an answer until {formatMissouriDate(i.expiresAt)}</span>
            </Entry>
          ))}
        </EntryList>
      </section>
    </>
  );
}

function InviteMediator({ programId }: { programId: string }) {
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const invite = useChange(
    (body: { name: string; email: string }) =>
      call(createInvitation, { body: { ...body, role: 'mediator', programId } }),
    {
      invalidates: [programKeys.roster(programId)],
      success: (_, body) => `Invitation sent to ${body.email}. Once they accept, they are on the roster.`,
      onSuccess: () => {
        setName('');
        setEmail('');
      },
    },
  );
  return (
    <section aria-labelledby="invite-mediator">
      <h2 id="invite-mediator">Invite a mediator</h2>
      <ChangeStatus of={invite} />
      <SendForm
        onSend={() => invite.run({ name, email })}
        busy={invite.busy}
        busyLabel="Sending…"
        submit="Send the invitation"
      >
        <InviteeFields name={name} email={email} onName={setName} onEmail={setEmail} field={invite.field} />
      </SendForm>
    </section>
  );
}
