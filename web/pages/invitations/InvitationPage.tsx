import { useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import {
  acceptInvitation,
  declineInvitation,
  type InvitationCase,
  type InvitationPreview,
} from '../../../contracts/invitations.ts';
import { useResetAfterAuthChange, useSession } from '../../api/accounts.ts';
import { useChange } from '../../api/change.ts';
import { ApiError, call } from '../../api/client.ts';
import { useInvitationPreview } from '../../api/invitations.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { ChangeStatus } from '../../components/ChangeStatus.tsx';
import { TextField } from '../../components/Field.tsx';
import { Page, ReadingPage } from '../../components/Page.tsx';
import { ChangeForm } from '../../components/SendForm.tsx';
import { useFormats, useLanguage } from '../../i18n.ts';
import { PasswordField } from '../auth/fields.tsx';
import { tokenFromHash } from '../auth/token.ts';

export function InvitationPage() {
  const { t } = useTranslation('case');
  const location = useLocation();
  const token = tokenFromHash(location.hash);
  const lookup = useInvitationPreview(token);

  if (!token) {
    return (
      <Page title={t('invite.yours')}>
        <Alert tone="error">{t('invite.incomplete')}</Alert>
      </Page>
    );
  }
  if (lookup.isPending || lookup.isError) {
    const gone = lookup.error instanceof ApiError && lookup.error.status === 410;
    return (
      <ReadingPage
        title={t('invite.yours')}
        read={lookup}
        loading={t('invite.opening')}
        failed={gone ? <p>{t('invite.askNew')}</p> : null}
      />
    );
  }
  return <Accept token={token} invitation={lookup.data} />;
}

function Accept({ token, invitation }: { token: string; invitation: InvitationPreview }) {
  const { t } = useTranslation('case');
  const formats = useFormats();
  const language = useLanguage();
  const session = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const reset = useResetAfterAuthChange();
  // The role and the program, in one sentence's words: "a mediator in Missouri's program".
  const as = {
    role: invitation.role,
    program: invitation.programName ?? '',
    where: invitation.programName ? 'program' : 'none',
  };
  const [name, setName] = useState(invitation.name);
  const [password, setPassword] = useState('');
  const accept = useChange(
    () =>
      call(acceptInvitation, {
        // A new account keeps the language the invitation was read in.
        body: invitation.hasAccount ? { token } : { token, name: name.trim(), password, language },
      }),
    {
      onSuccess: async (result) => {
        await reset();
        // An invitation to a case leads to the case, where the next step waits; the page says the
        // answer was received.
        const notice = invitation.case
          ? invitation.case.courtReferred || !invitation.case.request
            ? t('invite.joined', { reference: invitation.case.reference })
            : t('invite.saidYes', { askedBy: invitation.case.askedBy })
          : t('invite.accepted', as);
        navigate(result.caseId ? `/cases/${result.caseId}` : '/account', { state: { notice } });
      },
    },
  );
  const [declined, setDeclined] = useState(false);
  if (declined) return <Declined about={invitation.case} />;
  const user = session.data?.user;
  const signedInAsSomeoneElse = user && user.email.toLowerCase() !== invitation.email.toLowerCase();

  const about = invitation.case;
  const acceptLabel = about?.acceptLabel ?? t('invite.accept');
  return (
    <Page
      title={t('invite.title')}
      lead={
        about
          ? t('invite.leadCase', {
              name: invitation.name,
              askedBy: about.askedBy,
              reference: about.reference,
              ...as,
            })
          : t('invite.leadRole', { name: invitation.name, ...as })
      }
    >
      {about ? <CaseInvitation about={about} /> : null}
      <p>
        <Trans
          t={t}
          i18nKey="invite.for"
          values={{ email: invitation.email, until: formats.date(invitation.expiresAt) }}
          components={{ strong: <strong /> }}
        />
      </p>
      <ChangeStatus of={accept} />

      {invitation.hasAccount ? (
        !user || signedInAsSomeoneElse ? (
          <Alert tone="info" title={t('invite.signInFirst')}>
            <p>
              {signedInAsSomeoneElse
                ? t('invite.haveAccountOther', { email: invitation.email, current: user.email })
                : t('invite.haveAccount', { email: invitation.email })}
            </p>
            {!user ? (
              <p>
                <Link className="button" to="/sign-in" state={{ from: location.pathname + location.hash }}>
                  {t('invite.signIn')}
                </Link>
              </p>
            ) : null}
          </Alert>
        ) : (
          <Button busy={accept.busy} busyLabel={t('invite.sending')} onClick={() => accept.run()}>
            {acceptLabel}
          </Button>
        )
      ) : (
        <ChangeForm
          change={accept}
          busyLabel={t('invite.sending')}
          submit={about ? t('invite.acceptCreate', { accept: acceptLabel }) : t('invite.acceptCreatePlain')}
        >
          <p>{t('invite.choosePassword')}</p>
          <TextField
            label={t('invite.yourName')}
            name="name"
            autoComplete="name"
            value={name}
            onChange={(e) => setName(e.target.value)}
            error={accept.field('name')}
          />
          <PasswordField
            kind="new"
            label={t('invite.password')}
            value={password}
            onChange={setPassword}
            error={accept.field('password')}
          />
        </ChangeForm>
      )}
      {invitation.canDecline ? (
        <DeclineInvitation token={token} about={about} onDone={() => setDeclined(true)} />
      ) : null}
    </Page>
  );
}

/** What the case invitation is about, who asked, and what answering means under the case's rules. */
function CaseInvitation({ about }: { about: InvitationCase }) {
  const { t } = useTranslation('case');
  return (
    <>
      {about.request ? (
        <section className="case-section" aria-labelledby="request-heading">
          <h2 id="request-heading">{t('invite.requestAbout')}</h2>
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
          <p>{t('invite.inWords', { askedBy: about.askedBy })}</p>
          <blockquote className="request-words">{about.request.description}</blockquote>
        </section>
      ) : null}
      <section className="case-section" aria-labelledby="answer-heading">
        <h2 id="answer-heading">{about.courtReferred ? t('invite.joiningMeans') : t('invite.yourAnswer')}</h2>
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
  const { t } = useTranslation('case');
  const [reason, setReason] = useState('');
  const decline = useChange(
    () => call(declineInvitation, { body: reason.trim() ? { token, reason: reason.trim() } : { token } }),
    { onSuccess: onDone },
  );
  return (
    <section className="invitation-decline" aria-labelledby="decline-heading">
      <h2 id="decline-heading">{t('invite.orSayNo')}</h2>
      <p>
        {about?.declineMeans ?? t('invite.declineMeans')} {t('invite.noAccountNeeded')}
      </p>
      {about?.declineNextSteps.length ? (
        <>
          <p>{t('invite.whatThen', { askedBy: about.askedBy })}</p>
          <ul>
            {/* Said about the one who asked, in the page's language, by the server. */}
            {about.declineNextSteps.map((s) => (
              <li key={s}>{s}</li>
            ))}
          </ul>
        </>
      ) : null}
      <ChangeStatus of={decline} />
      <ChangeForm
        change={decline}
        busyLabel={t('invite.sayingNo')}
        submit={about?.request ? t('invite.noTakePart') : t('invite.decline')}
        variant="secondary"
      >
        <TextField
          label={t('invite.why')}
          name="reason"
          hint={t('invite.whyHint')}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          error={decline.field('reason')}
        />
      </ChangeForm>
    </section>
  );
}

/** The answer to saying no: what became of it, in the words of what was asked. */
function Declined({ about }: { about: InvitationCase | null }) {
  const { t } = useTranslation('case');
  return (
    <Page title={t('invite.saidNo')} lead={t('invite.saidNoLead')}>
      {about?.request ? (
        <>
          <p>{t('invite.toldClosed', { askedBy: about.askedBy, reference: about.reference })}</p>
          <p>{t('invite.changeMind')}</p>
        </>
      ) : about ? (
        <p>{t('invite.notAddedCase', { reference: about.reference })}</p>
      ) : (
        <p>{t('invite.notAdded')}</p>
      )}
    </Page>
  );
}
