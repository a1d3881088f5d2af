import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { answerPollByLink, type PollByLink } from '../../../contracts/session-polls.ts';
import { ApiError, call } from '../../api/client.ts';
import { pollKeys, usePollByLink } from '../../api/sessions.ts';
import { Alert } from '../../components/Alert.tsx';
import { Page, ReadingPage } from '../../components/Page.tsx';
import { useFormats } from '../../i18n.ts';
import { tokenFromHash } from '../auth/token.ts';
import { PollAnswer } from './PollsSection.tsx';

/**
 * Finding a time from the e-mailed link: the person asked marks the proposed times they can
 * attend. No account is needed; the page shows only their own answer.
 */
export function PollLinkPage() {
  const { t } = useTranslation('sessions');
  const location = useLocation();
  const token = tokenFromHash(location.hash);
  const poll = usePollByLink(token);
  if (!token)
    return (
      <Page title={t('link.title')}>
        <Alert tone="error">{t('link.incomplete')}</Alert>
      </Page>
    );
  if (poll.isPending || poll.isError)
    return (
      <ReadingPage
        title={t('link.title')}
        read={poll}
        loading={t('link.loading')}
        failed={poll.error instanceof ApiError && poll.error.status === 410 ? <p>{t('link.gone')}</p> : null}
      />
    );
  return <Answer token={token} poll={poll.data} />;
}

function Answer({ token, poll }: { token: string; poll: PollByLink }) {
  const { t } = useTranslation('sessions');
  const f = useFormats();
  return (
    <Page
      title={t('link.title')}
      lead={t('link.lead', {
        reference: poll.reference,
        kind: t(`kind.${poll.kind}`).toLocaleLowerCase(f.language),
        minutes: poll.minutes,
        place: poll.placeText,
      })}
    >
      <p>{t('link.hello', { name: poll.name })}</p>
      {poll.status !== 'open' ? (
        <Alert tone="info">{poll.status === 'booked' ? t('link.booked') : t('link.closed')}</Alert>
      ) : (
        <PollAnswer
          slots={poll.slots}
          name="times"
          send={(body) => call(answerPollByLink, { params: { token }, body })}
          invalidates={[pollKeys.link(token)]}
          words={{
            legend: t('link.legend'),
            hint: t('link.hint'),
            saved: t('link.saved'),
            submit: (sent) => (poll.answered || sent ? t('link.update') : t('link.send')),
          }}
        />
      )}
    </Page>
  );
}
