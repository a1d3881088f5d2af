import { useState } from 'react';
import { Navigate, useLocation } from 'react-router';
import { type DeletionItem, deleteMyAccount } from '../../../contracts/my-data.ts';
import { useResetAfterAuthChange } from '../../api/accounts.ts';
import { useChange } from '../../api/change.ts';
import { ApiError, call, errorMessage } from '../../api/client.ts';
import { exportHref, useDeletionPreview } from '../../api/my-data.ts';
import { Alert } from '../../components/Alert.tsx';
import { ChangeStatus } from '../../components/ChangeStatus.tsx';
import { Checkbox } from '../../components/Field.tsx';
import { Loading } from '../../components/Loading.tsx';
import { Page } from '../../components/Page.tsx';
import { SendForm } from '../../components/SendForm.tsx';
import { PasswordField } from '../auth/fields.tsx';

const TITLE = 'Your data';

function Items({ items, withWhy }: { items: DeletionItem[]; withWhy?: boolean }) {
  return (
    <ul className="link-list">
      {items.map((item) => (
        <li key={item.what}>
          <strong>{item.what}</strong>
          {item.count !== null ? ` (${item.count})` : null}
          {withWhy && item.why ? <p className="hint">{item.why}</p> : null}
        </li>
      ))}
    </ul>
  );
}

/** A person's data: download everything Parley holds about them, or delete their account. */
export function MyDataPage() {
  const location = useLocation();
  const preview = useDeletionPreview();
  const resetAfterAuthChange = useResetAfterAuthChange();
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState(false);
  const [gone, setGone] = useState(false);
  const deletion = useChange(() => call(deleteMyAccount, { body: { password, confirm: confirm as true } }), {
    onSuccess: async () => {
      // Leave this page first: once the session is forgotten, it would send the person to sign in.
      setGone(true);
      await resetAfterAuthChange();
    },
  });

  if (gone) return <Navigate to="/" replace state={{ notice: 'Your account is deleted.' }} />;

  if (preview.error instanceof ApiError && preview.error.status === 401) {
    return <Navigate to="/sign-in" replace state={{ from: location.pathname }} />;
  }
  if (preview.isPending) {
    return (
      <Page title={TITLE}>
        <Loading what="Loading what Parley holds about you" />
      </Page>
    );
  }
  if (preview.isError) {
    return (
      <Page title={TITLE}>
        <Alert tone="error">{errorMessage(preview.error)}</Alert>
      </Page>
    );
  }
  const { deleted, kept, blockers, can } = preview.data;

  return (
    <Page title={TITLE} lead="Download what Parley holds about you, or delete your account.">
      <section aria-labelledby="download-title" className="panel">
        <h2 id="download-title">Download your data</h2>
        <p>
          A zip file with <code>data.json</code> — your account, sign-ins, roles, your places on cases, your
          own answers and proposals, your signatures, the e-mails Parley sent you and what the audit trail
          records you did — and the files you uploaded. It holds nothing anyone else said in confidence.
        </p>
        <p>
          <a className="button" href={exportHref()} download>
            Download your data
          </a>
        </p>
      </section>

      <section aria-labelledby="delete-title" className="panel">
        <h2 id="delete-title">Delete your account</h2>
        {blockers.length > 0 ? (
          <Alert tone="warning" title="Your account cannot be deleted yet">
            <ul>
              {blockers.map((b) => (
                <li key={b}>{b}</li>
              ))}
            </ul>
          </Alert>
        ) : null}
        <h3>What is deleted</h3>
        <Items items={deleted} />
        <h3>What is kept, and why</h3>
        <Items items={kept} withWhy />
        {can.delete ? (
          <SendForm
            onSend={() => deletion.run()}
            busy={deletion.busy}
            busyLabel="Deleting…"
            submit="Delete my account"
            variant="danger"
          >
            <ChangeStatus of={deletion} />
            <PasswordField
              kind="current"
              value={password}
              onChange={setPassword}
              error={deletion.field('password')}
            />
            <Checkbox
              label="I understand that my account is deleted for good, and that what is listed as kept stays."
              checked={confirm}
              onChange={setConfirm}
              error={deletion.field('confirm')}
            />
          </SendForm>
        ) : null}
      </section>
    </Page>
  );
}
