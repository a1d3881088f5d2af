import { Trans, useTranslation } from 'react-i18next';
import { type Aid, makeOption } from '../../../contracts/negotiation.ts';
import { type Change, useChange } from '../../api/change.ts';
import { call } from '../../api/client.ts';
import { issueKeys } from '../../api/issues.ts';
import { aidKeys } from '../../api/negotiation.ts';
import { Button } from '../../components/Button.tsx';
import { TextArea } from '../../components/Field.tsx';
import { ErrorAlert } from './shared.tsx';

// Pieces the negotiation aids' components share.

/** A change to an aid: refreshes the aids and the board (a result can become an option). */
export function useAidChange<Vars = void>(caseId: string, change: (vars: Vars) => Promise<Aid>) {
  return useChange(change, { invalidates: [aidKeys.case(caseId), issueKeys.case(caseId)] });
}

/** The message for a field or any field under it (`points` for `points.<item>`), from a failed change. */
export function fieldUnder(change: Change<never, unknown>, name: string): string | undefined {
  const fields = change.error?.fields ?? {};
  return (
    fields[name] ??
    Object.entries(fields).find(([key]) => key.startsWith(`${name}.`) || key === `body.${name}`)?.[1]
  );
}

/**
 * Dollars as typed ("42,500", "$1,250.50") to cents. Whatever is not a plain amount is sent as it
 * is read (a negative, more than two decimals, nothing), so the server's message names the field.
 */
export function toCents(text: string): number | null {
  const clean = text.replace(/[$,\s]/g, '');
  if (clean === '' || Number.isNaN(Number(clean))) return null;
  return Math.round(Number(clean) * 100 * 1e6) / 1e6;
}

/** How an aid's text says it is only a suggestion. */
export function SuggestionNotice() {
  const { t } = useTranslation('workspace');
  return (
    <p className="m-hint">
      <Trans t={t} i18nKey="aids.suggestion" components={{ strong: <strong /> }} />
    </p>
  );
}

/** The explanation of how an aid works, folded so a phone shows the aid first. */
export function HowItWorks({ title, paragraphs }: { title: string; paragraphs: readonly string[] }) {
  return (
    <details className="disclosure">
      <summary>{title}</summary>
      {paragraphs.map((p) => (
        <p key={p}>{p}</p>
      ))}
    </details>
  );
}

/** The mediator brings an aid's suggestion to the table as a shared option on its issue. */
export function ToTheTable({ caseId, aid }: { caseId: string; aid: Aid }) {
  const { t } = useTranslation('workspace');
  const option = useAidChange(caseId, () => call(makeOption, { params: { caseId, aidId: aid.id } }));
  return (
    <>
      <ErrorAlert error={option.error} />
      {aid.can.makeOption ? (
        <Button variant="secondary" busy={option.busy} onClick={() => option.run()}>
          {t('aids.toTheTable')}
        </Button>
      ) : null}
      {aid.optionId ? <p>{t('aids.onTheTable')}</p> : null}
    </>
  );
}

/** The list of items to divide, one a line, as the contracts take it. */
export const itemsFromLines = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((name) => ({ name }));

/** The field the items are listed in, one a line, with the message for any item the server refused. */
export function ItemsField({
  value,
  onChange,
  hint,
  change,
}: {
  value: string;
  onChange: (text: string) => void;
  hint: string;
  change: Change<never, unknown>;
}) {
  const { t } = useTranslation('workspace');
  return (
    <TextArea
      label={t('aids.itemsLabel')}
      hint={hint}
      rows={6}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      error={fieldUnder(change, 'items')}
    />
  );
}
