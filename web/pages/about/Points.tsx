import { Trans, useTranslation } from 'react-i18next';

/**
 * A list on the visitor's pages: each point in the catalog's words (`<i18nKey>.<point>`), bold
 * where the catalog marks <strong>.
 */
export function Points({ i18nKey, points }: { i18nKey: string; points: readonly string[] }) {
  const { t } = useTranslation('visitor');
  return (
    <ul>
      {points.map((point) => (
        <li key={point}>
          <Trans t={t} i18nKey={`${i18nKey}.${point}`} components={{ strong: <strong /> }} />
        </li>
      ))}
    </ul>
  );
}
