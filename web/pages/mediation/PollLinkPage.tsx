import { useState } from 'react';
import { useLocation } from 'react-router';
import { type AnswerBody, answerPollByLink, type PollByLink } from '../../../contracts/sessions.ts';
import { useChange } from '../../api/change.ts';
import { ApiError, call, errorMessage } from '../../api/client.ts';
import { pollKeys, usePollByLink } from '../../api/sessions.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { Choices } from '../../components/Field.tsx';
import { Loading } from '../../components/Loading.tsx';
import { Page } from '../../components/Page.tsx';
import { tokenFromHash } from '../auth/token.ts';

const TITLE = 'Which times can you attend?';

/**
 * Finding a time from the e-mailed link: the person asked marks the proposed times they can
 * attend. No account is needed; the page shows only their own answer.
 */
export function PollLinkPage() {
  const location = useLocation();
  const token = tokenFromHash(location.hash);
  const poll = usePollByLink(token);
  if (!token)
    return (
      <Page title={TITLE}>
        <Alert tone="error">This link is not complete. Open the link from your e-mail again.</Alert>
      </Page>
    );
  if (poll.isPending)
    return (
      <Page title={TITLE}>
        <Loading what="Opening the proposed times" />
      </Page>
    );
  if (poll.isError)
    return (
      <Page title={TITLE}>
        <Alert tone="error">{errorMessage(poll.error)}</Alert>
        {poll.error instanceof ApiError && poll.error.status === 410 ? (
          <p>Write to your mediator if you still need to answer.</p>
        ) : null}
      </Page>
    );
  return <Answer token={token} poll={poll.data} />;
}

function Answer({ token, poll }: { token: string; poll: PollByLink }) {
  const [times, setTimes] = useState(poll.slots.filter((s) => s.mine).map((s) => s.id));
  const answer = useChange((body: AnswerBody) => call(answerPollByLink, { params: { token }, body }), {
    invalidates: [pollKeys.link(token)],
    success: 'Thank you: your answer is saved. The mediator sets the session and e-mails you the time.',
  });
  return (
    <Page
      title={TITLE}
      lead={`Case ${poll.reference}: a ${poll.kindLabel.toLowerCase()} of about ${poll.minutes} minutes. ${poll.placeText}`}
    >
      <p>
        Hello {poll.name}. The mediator proposes the times below. Only you and the mediator see your answer.
      </p>
      {poll.status !== 'open' ? (
        <Alert tone="info">
          {poll.status === 'booked'
            ? 'The mediator has set the session; you have the invitation by e-mail.'
            : 'This poll is closed. The mediator will be in touch about a time.'}
        </Alert>
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            answer.run({ times });
          }}
        >
          <Choices
            legend="Times in Missouri (Central) time"
            hint="Mark every time you can attend. Leave them all unmarked if none works, and the mediator will propose others."
            type="checkbox"
            name="times"
            options={poll.slots.map((s) => ({ value: s.id, label: s.shown }))}
            value={times}
            onChange={setTimes}
            error={answer.field('times')}
          />
          {answer.error ? <Alert tone="error">{answer.error.message}</Alert> : null}
          {answer.message ? <Alert tone="success">{answer.message}</Alert> : null}
          <Button type="submit" busy={answer.busy}>
            {poll.answered || answer.done ? 'Update my answer' : 'Send my answer'}
          </Button>
        </form>
      )}
    </Page>
  );
}
