import { useState } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import {
  acceptInvitation,
  declineInvitation,
  type InvitationCase,
  type InvitationPreview,
} from '../../../contracts/invitations.ts';
import { formatMissouriDate } from '../../../domain/missouri-time.ts';
import { ROLE_LABELS, useResetAfterAuthChange, useSession } from '../../api/accounts.ts';
import { useChange } from '../../api/change.ts';
import { ApiError, call, errorMessage } from '../../api/client.ts';
import { useInvitationPreview } from '../../api/invitations.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { ChangeStatus } from '../../components/ChangeStatus.tsx';
import { TextField } from '../../components/Field.tsx';
import { Loading } from '../../components/Loading.tsx';
import { Page } from '../../components/Page.tsx';
import { SendForm } from '../../components/SendForm.tsx';
import { PasswordField } from '../auth/fields.tsx';
import { tokenFromHash } from '../auth/token.ts';

export function InvitationPage() {
  const location = useLocation();
  const token = tokenFromHash(location.hash);
  const lookup = useInvitationPreview(token);

  if (!token) {
    return (
      <Page title="Your invitation">
        <Alert tone="error">This link is not complete. Open the link from your e-mail again.</Alert>
      </Page>
    );
  }
  if (lookup.isPending) {
    return (
      <Page title="Your invitation">
        <Loading what="Opening your invitation" />
      </Page>
    );
  }
  if (lookup.isError) {
    const gone = lookup.error instanceof ApiError && lookup.error.status === 410;
    return (
      <Page title="Your invitation">
        <Alert tone="error">{errorMessage(lookup.error)}</Alert>
        {gone ? <p>Ask the person who invited you to send a new invitation.</p> : null}
      </Page>
    );
  }
  return <Accept token={token} invitation={lookup.data} />;
}

function Accept({ token, invitation }: { token: string; invitation: InvitationPreview }) {
  const session = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const reset = useResetAfterAuthChange();
  const role = ROLE_LABELS[invitation.role];
  const where = invitation.programName ? ` in ${invitation.programName}` : '';
  const [name, setName] = useState(invitation.name);
  const [password, setPassword] = useState('');
  const accept = useChange(
    () =>
      call(acceptInvitation, {
        body: invitation.hasAccount ? { token } : { token, name: name.trim(), password },
      }),
    {
      onSuccess: async (result) => {
        await reset();
        // An invitation to a case leads to the case, where the next step waits; the page says the
        // answer was received.
        const notice = invitation.case
          ? invitation.case.courtReferred || !invitation.case.request
            ? `You joined case ${invitation.case.reference}. Your next step is below.`
            : `Thank you: you said yes to mediation. We told ${invitation.case.askedBy}. Your next step is below.`
          : `You accepted the invitation. You are now ${article(role)} ${role.toLowerCase()}${where}.`;
        navigate(result.caseId ? `/cases/${result.caseId}` : '/account', { state: { notice } });
      },
    },
  );
  const [declined, setDeclined] = useState(false);
  if (declined) return <Declined about={invitation.case} />;
  const user = session.data?.user;
  const signedInAsSomeoneElse = user && user.email.toLowerCase() !== invitation.email.toLowerCase();

  const about = invitation.case;
  const acceptLabel = about?.acceptLabel ?? 'Accept the invitation';
  return (
    <Page
      title="You are invited"
      lead={
        about
          ? `${invitation.name}, ${about.askedBy} asks you to take part in mediation${where} (case ${about.reference}).`
          : `${invitation.name}, you are invited to join Parley as ${article(role)} ${role.toLowerCase()}${where}.`
      }
    >
      {about ? <CaseInvitation about={about} /> : null}
      <p>
        This invitation is for <strong>{invitation.email}</strong>. It works until{' '}
        {formatMissouriDate(invitation.expiresAt)}.
      </p>
      <ChangeStatus of={accept} />

      {invitation.hasAccount ? (
        !user || signedInAsSomeoneElse ? (
          <Alert tone="info" title="Sign in first">
            <p>
              You already have a Parley account with {invitation.email}.{' '}
              {signedInAsSomeoneElse ? `You are signed in as ${user.email}. Sign out, then ` : ''}
              Sign in with that address, then come back to this link.
            </p>
            {!user ? (
              <p>
                <Link className="button" to="/sign-in" state={{ from: location.pathname + location.hash }}>
                  Sign in
                </Link>
              </p>
            ) : null}
          </Alert>
        ) : (
          <Button busy={accept.busy} busyLabel="Sending your answer…" onClick={() => accept.run()}>
            {acceptLabel}
          </Button>
        )
      ) : (
        <SendForm
          onSend={() => accept.run()}
          busy={accept.busy}
          busyLabel="Sending your answer…"
          submit={about ? `${acceptLabel} and create my account` : 'Accept and create my account'}
        >
          <p>To answer, choose a password for your new Parley account.</p>
          <TextField
            label="Your name"
            name="name"
            autoComplete="name"
            value={name}
            onChange={(e) => setName(e.target.value)}
            error={accept.field('name')}
          />
          <PasswordField
            kind="new"
            label="Choose a password"
            value={password}
            onChange={setPassword}
            error={accept.field('password')}
          />
        </SendForm>
      )}
      {invitation.canDecline ? (
        <DeclineInvitation token={token} about={about} onDone={() => setDeclined(true)} />
      ) : null}
    </Page>
  );
}

/** What the case invitation is about, who asked, and what answering means under the case's rules. */
function CaseInvitation({ about }: { about: InvitationCase }) {
  return (
    <>
      {about.request ? (
        <section className="case-section" aria-labelledby="request-heading">
          <h2 id="request-heading">What the request is about</h2>
          <p>
            <strong>{about.request.title}</strong>
          </p>
          {about.request.facts.length ? (
            <dl className="facts">
              {about.request.facts.map((f) => (
                <div key={f.label}>
                  <dt>{f.label}</dt>
                  <dd>{f.value}</dd>
                </div>
              ))}
            </dl>
          ) : null}
          <p>In {about.askedBy}’s words:</p>
          <blockquote className="request-words">{about.request.description}</blockquote>
        </section>
      ) : null}
      <section className="case-section" aria-labelledby="answer-heading">
        <h2 id="answer-heading">{about.courtReferred ? 'What joining means' : 'Your answer'}</h2>
        <p>{about.acceptMeans}</p>
      </section>
    </>
  );
}

/** Saying no from the link: no account needed. Offered only where the rules let this person say no. */
function DeclineInvitation({
  token,
  about,
  onDone,
}: {
  token: string;
  about: InvitationCase | null;
  onDone: () => void;
}) {
  const [reason, setReason] = useState('');
  const decline = useChange(
    () => call(declineInvitation, { body: reason.trim() ? { token, reason: reason.trim() } : { token } }),
    { onSuccess: onDone },
  );
  return (
    <section className="invitation-decline" aria-labelledby="decline-heading">
      <h2 id="decline-heading">Or say no</h2>
      <p>
        {about?.declineMeans ?? 'If you do not want to take part, you can say no here.'} You do not need an
        account to say no.
      </p>
      {about?.declineNextSteps.length ? (
        <>
          <p>What {about.askedBy} can do then:</p>
          <ul>
            {about.declineNextSteps.map((s) => (
              <li key={s}>{s.replace(/^You can /, 'They can ')}</li>
            ))}
          </ul>
        </>
      ) : null}
      <ChangeStatus of={decline} />
      <SendForm
        onSend={() => decline.run()}
        busy={decline.busy}
        busyLabel="Saying no…"
        submit={about?.request ? 'No, do not take part' : 'Decline'}
        variant="secondary"
      >
        <TextField
          label="Why? (optional)"
          name="reason"
          hint="Only the program sees this."
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          error={decline.field('reason')}
        />
      </SendForm>
    </section>
  );
}

/** The answer to saying no: what became of it, in the words of what was asked. */
function Declined({ about }: { about: InvitationCase | null }) {
  return (
    <Page
      title="You said no"
      lead="Your answer is saved. Thank you for letting us know. This link no longer works."
    >
      {about?.request ? (
        <>
          <p>
            We told {about.askedBy} and the program that you do not want to take part, with what they can do
            next. Case {about.reference} is closed.
          </p>
          <p>
            If you change your mind, contact the program. Mediation can still happen later if both sides
            agree.
          </p>
        </>
      ) : about ? (
        <p>You are not added to case {about.reference}. If you change your mind, ask for a new invitation.</p>
      ) : (
        <p>
          You are not added. If you change your mind, ask the person who invited you for a new invitation.
        </p>
      )}
    </Page>
  );
}

function article(word: string): string {
  return /^[aeiou]/i.test(word) ? 'an' : 'a';
}
