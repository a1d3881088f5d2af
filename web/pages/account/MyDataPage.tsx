import { useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import { type DeletionItem, deleteMyAccount } from '../../../contracts/my-data.ts';
import { useResetAfterAuthChange } from '../../api/accounts.ts';
import { useChange } from '../../api/change.ts';
import { ApiError, call } from '../../api/client.ts';
import { exportHref, useDeletionPreview } from '../../api/my-data.ts';
import { Alert } from '../../components/Alert.tsx';
import { ChangeStatus } from '../../components/ChangeStatus.tsx';
import { Checkbox } from '../../components/Field.tsx';
import { Page, ReadingPage } from '../../components/Page.tsx';
import { ChangeForm } from '../../components/SendForm.tsx';
import { PasswordField } from '../auth/fields.tsx';

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
  const { t } = useTranslation('account');
  const TITLE = t('data.title');
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

  if (gone) return <Navigate to="/" replace state={{ notice: t('data.deleted') }} />;

  if (preview.error instanceof ApiError && preview.error.status === 401) {
    return <Navigate to="/sign-in" replace state={{ from: location.pathname }} />;
  }
  if (preview.isPending || preview.isError) {
    return <ReadingPage title={TITLE} read={preview} loading={t('data.loading')} />;
  }
  const { deleted, kept, blockers, can } = preview.data;

  return (
    <Page title={TITLE} lead={t('data.lead')}>
      <section aria-labelledby="download-title" className="panel">
        <h2 id="download-title">{t('data.download')}</h2>
        <p>
          <Trans t={t} i18nKey="data.what" components={{ code: <code /> }} />
        </p>
        <p>
          <a className="button" href={exportHref()} download>
            {t('data.download')}
          </a>
        </p>
      </section>

      <section aria-labelledby="delete-title" className="panel">
        <h2 id="delete-title">{t('data.delete')}</h2>
        {blockers.length > 0 ? (
          <Alert tone="warning" title={t('data.blocked')}>
            <ul>
              {blockers.map((b) => (
                <li key={b}>{b}</li>
              ))}
            </ul>
          </Alert>
        ) : null}
        <h3>{t('data.whatDeleted')}</h3>
        <Items items={deleted} />
        <h3>{t('data.whatKept')}</h3>
        <Items items={kept} withWhy />
        {can.delete ? (
          <ChangeForm
            change={deletion}
            busyLabel={t('data.deleting')}
            submit={t('data.deleteSubmit')}
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
              label={t('data.understand')}
              checked={confirm}
              onChange={setConfirm}
              error={deletion.field('confirm')}
            />
          </ChangeForm>
        ) : null}
      </section>
    </Page>
  );
}
