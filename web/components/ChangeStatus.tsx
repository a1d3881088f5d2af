import type { Change } from '../api/change.ts';
import { Alert } from './Alert.tsx';

/**
 * What became of the latest of these changes: its error (announced at once), or its success
 * sentence. Several changes of one section share one place, and only the newest speaks.
 */
export function ChangeStatus({ of }: { of: Change<never, unknown> | Change<never, unknown>[] }) {
  const latest = [of]
    .flat()
    .filter((change) => change.error || change.message)
    .sort((a, b) => b.startedAt - a.startedAt)[0];
  if (latest?.error) return <Alert tone="error">{latest.error.message}</Alert>;
  if (latest?.message) return <Alert tone="success">{latest.message}</Alert>;
  return null;
}
