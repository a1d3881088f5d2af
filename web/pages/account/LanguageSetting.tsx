import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Me, updateAccount } from '../../../contracts/accounts.ts';
import { LANGUAGE_NAMES, LANGUAGES, type Language, languageOr } from '../../../domain/languages.ts';
import { accountKeys } from '../../api/accounts.ts';
import { useChange } from '../../api/change.ts';
import { call } from '../../api/client.ts';
import { ChangeStatus } from '../../components/ChangeStatus.tsx';
import { Select } from '../../components/Field.tsx';
import { ChangeForm } from '../../components/SendForm.tsx';
import { showLanguage } from '../../i18n.ts';

/** The account's language: the pages shown and the e-mails and documents Parley sends. */
export function LanguageSetting({ me }: { me: Me }) {
  const { t } = useTranslation('common');
  const [language, setLanguage] = useState<Language>(me.language);
  const save = useChange(() => call(updateAccount, { body: { language } }), {
    invalidates: [accountKeys.all],
    success: () => t('language.saved', { lng: language }),
    onSuccess: (saved) => showLanguage(saved.language),
  });
  return (
    <section aria-labelledby="language-title" className="panel">
      <h2 id="language-title">{t('language.title')}</h2>
      <ChangeStatus of={save} />
      <ChangeForm change={save} busyLabel={t('language.saving')} submit={t('language.save')}>
        <LanguageField value={language} onChange={setLanguage} error={save.field('language')} />
      </ChangeForm>
    </section>
  );
}

/** The choice of language, each named in its own words: here and on the sign-up form. */
export function LanguageField(props: {
  value: Language;
  onChange: (language: Language) => void;
  error: string | undefined;
}) {
  const { t } = useTranslation('common');
  return (
    <Select
      label={t('language.label')}
      hint={t('language.hint')}
      name="language"
      value={props.value}
      onChange={(e) => props.onChange(languageOr(e.target.value))}
      error={props.error}
    >
      {LANGUAGES.map((option) => (
        <option key={option} value={option} lang={option}>
          {LANGUAGE_NAMES[option]}
        </option>
      ))}
    </Select>
  );
}
