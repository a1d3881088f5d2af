import i18next, { type i18n as I18n, type TFunction } from 'i18next';
import ICU from 'i18next-icu';
import { DEFAULT_LANGUAGE, LANGUAGES, type Language } from '../domain/languages.ts';
import enAccount from './en-US/account.json' with { type: 'json' };
import enAgreement from './en-US/agreement.json' with { type: 'json' };
import enAssociation from './en-US/association.json' with { type: 'json' };
import enAuth from './en-US/auth.json' with { type: 'json' };
import enCase from './en-US/case.json' with { type: 'json' };
import enCaseview from './en-US/caseview.json' with { type: 'json' };
import enCommon from './en-US/common.json' with { type: 'json' };
import enDocuments from './en-US/documents.json' with { type: 'json' };
import enEmails from './en-US/emails.json' with { type: 'json' };
import enErrors from './en-US/errors.json' with { type: 'json' };
import enHome from './en-US/home.json' with { type: 'json' };
import enNotices from './en-US/notices.json' with { type: 'json' };
import enPacks from './en-US/packs.json' with { type: 'json' };
import enRequest from './en-US/request.json' with { type: 'json' };
import enSessions from './en-US/sessions.json' with { type: 'json' };
import enVisitor from './en-US/visitor.json' with { type: 'json' };
import enWorkspace from './en-US/workspace.json' with { type: 'json' };
import esAccount from './es-US/account.json' with { type: 'json' };
import esAgreement from './es-US/agreement.json' with { type: 'json' };
import esAssociation from './es-US/association.json' with { type: 'json' };
import esAuth from './es-US/auth.json' with { type: 'json' };
import esCase from './es-US/case.json' with { type: 'json' };
import esCaseview from './es-US/caseview.json' with { type: 'json' };
import esCommon from './es-US/common.json' with { type: 'json' };
import esDocuments from './es-US/documents.json' with { type: 'json' };
import esEmails from './es-US/emails.json' with { type: 'json' };
import esErrors from './es-US/errors.json' with { type: 'json' };
import esHome from './es-US/home.json' with { type: 'json' };
import esNotices from './es-US/notices.json' with { type: 'json' };
import esPacks from './es-US/packs.json' with { type: 'json' };
import esRequest from './es-US/request.json' with { type: 'json' };
import esSessions from './es-US/sessions.json' with { type: 'json' };
import esVisitor from './es-US/visitor.json' with { type: 'json' };
import esWorkspace from './es-US/workspace.json' with { type: 'json' };

/**
 * Parley's words in each language, one catalog per area (namespace) and language, shared by the
 * server (e-mails) and the web app (pages). Messages are ICU MessageFormat (plurals, selects,
 * numbers), read by i18next through i18next-icu and intl-messageformat. Dates and times are
 * printed by domain/missouri-time.ts in the reader's language and handed in as arguments, so they
 * are always Missouri's time.
 *
 * A catalog's keys and arguments are the same in every language (catalogs.test.ts), and the
 * pages and e-mails listed in converted.ts carry no words outside the catalogs
 * (literal-text.test.ts).
 */
export const CATALOGS = {
  'en-US': {
    common: enCommon,
    home: enHome,
    auth: enAuth,
    emails: enEmails,
    sessions: enSessions,
    case: enCase,
    caseview: enCaseview,
    errors: enErrors,
    workspace: enWorkspace,
    account: enAccount,
    request: enRequest,
    packs: enPacks,
    visitor: enVisitor,
    association: enAssociation,
    agreement: enAgreement,
    documents: enDocuments,
    notices: enNotices,
  },
  'es-US': {
    common: esCommon,
    home: esHome,
    auth: esAuth,
    emails: esEmails,
    sessions: esSessions,
    case: esCase,
    caseview: esCaseview,
    errors: esErrors,
    workspace: esWorkspace,
    account: esAccount,
    request: esRequest,
    packs: esPacks,
    visitor: esVisitor,
    association: esAssociation,
    agreement: esAgreement,
    documents: esDocuments,
    notices: esNotices,
  },
} satisfies Record<Language, Record<string, unknown>>;

export type Namespace = keyof (typeof CATALOGS)['en-US'];
export const NAMESPACES = Object.keys(CATALOGS['en-US']) as Namespace[];

/** A new i18next instance holding every catalog, set to `language`; the web app keeps one. */
export function createI18n(language: Language = DEFAULT_LANGUAGE): I18n {
  const instance = i18next.createInstance();
  instance.use(new ICU()).init({
    resources: CATALOGS,
    lng: language,
    supportedLngs: [...LANGUAGES],
    fallbackLng: DEFAULT_LANGUAGE,
    // 'es-US' is the language: no separate 'es' catalog is looked for.
    load: 'currentOnly',
    ns: NAMESPACES,
    defaultNS: 'common',
    // The catalogs are here already: ready at once, no waiting on a first render or e-mail.
    initAsync: false,
    // React escapes what it draws; e-mails are plain text.
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return instance;
}

let shared: I18n | null = null;

/** The words of one namespace in one language, for the server (an e-mail to one reader). */
export function translator(language: Language, namespace: Namespace): TFunction {
  shared ??= createI18n();
  return shared.getFixedT(language, namespace);
}
