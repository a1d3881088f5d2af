import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/Alert.tsx';
import { useFormats } from '../../../i18n.ts';
import type { DraftKeeping } from '../request-draft.ts';

/** Where the draft is kept, said under the form after every change. */
export function DraftStatus({ keeping, signedIn }: { keeping: DraftKeeping; signedIn: boolean }) {
  const { t } = useTranslation('request');
  const formats = useFormats();
  const { where, savedAt, error } = keeping;
  if (where === 'failed')
    return <Alert tone="error">{error ? t('draft.failed', { error }) : t('draft.failedTryAgain')}</Alert>;
  const words =
    where === 'browser' && !signedIn
      ? t('draft.browser')
      : where === 'saving'
        ? t('draft.saving')
        : where === 'saved' && savedAt
          ? t('draft.saved', { time: formats.time(savedAt) })
          : null;
  return (
    <p className="muted draft-status" role="status">
      {words}
    </p>
  );
}
