import { useEffect, useRef, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import * as cases from '../../../../contracts/cases.ts';
import type { ProgramSummary } from '../../../../contracts/programs.ts';
import { DEFAULT_LANGUAGE } from '../../../../domain/languages.ts';
import { requestLetterBlocks } from '../../../../domain/request-letter.ts';
import { packForKind } from '../../../../domain/rule-packs/index.ts';
import { packWords } from '../../../../i18n/pack-words.ts';
import { useSession } from '../../../api/accounts.ts';
import { caseKeys } from '../../../api/cases.ts';
import { useChange } from '../../../api/change.ts';
import { call, errorMessage } from '../../../api/client.ts';
import { useDistricts } from '../../../api/programs.ts';
import { Alert } from '../../../components/Alert.tsx';
import { Button } from '../../../components/Button.tsx';
import { Checkbox } from '../../../components/Field.tsx';
import { SendForm } from '../../../components/SendForm.tsx';
import { useLanguage } from '../../../i18n.ts';
import { LetterPreview } from '../LetterPreview.tsx';
import { RequestSignIn } from '../RequestSignIn.tsx';
import { type DraftKeeping, forgetLocalDraft } from '../request-draft.ts';
import { AboutRequest } from './AboutRequest.tsx';
import { DraftStatus } from './DraftStatus.tsx';
import { CONTACT, otherSide, Questions, REQUESTER } from './questions.tsx';
import { FORM_OF, requestBody } from './send-request.ts';

/**
 * The program's questions, in four parts, with the letter's preview for special education and,
 * for a person not signed in, the way to sign in without leaving the page.
 */
export function RequestForm({
  program,
  preferredMediator,
  keeping,
  signedIn,
}: {
  program: ProgramSummary;
  preferredMediator: string | undefined;
  keeping: DraftKeeping;
  signedIn: boolean;
}) {
  const { t } = useTranslation('request');
  // The district's office is named in English: the district reads the request in English.
  const { t: tDistrict } = useTranslation('request', { lng: DEFAULT_LANGUAGE });
  const navigate = useNavigate();
  const session = useSession();
  const form = FORM_OF[program.kind]!;
  const pack = packForKind(program.kind)!;
  const words = packWords(useLanguage(), pack.id);
  const isCoordinator = (session.data?.user?.grants ?? []).some(
    (g) => g.role === 'coordinator' && g.scope === program.id,
  );
  const draft = keeping.draft!;
  const v = draft.answers;
  const { issues, askState } = draft;
  const answer = (k: string, value: string) =>
    keeping.update((d) => ({ ...d, answers: { ...d.answers, [k]: value } }));
  const [preview, setPreview] = useState(false);
  // Special education: the district from the program's list (its contact takes the request), else typed.
  const districts = useDistricts(program.id, form === 'special_education');
  const listed = districts.data?.districts ?? [];
  const chosen = listed.find((d) => d.id === v.districtId);
  const districtName = chosen?.name ?? v.district ?? '';
  const pickDistrict = (id: string) =>
    keeping.update((d) => {
      const pick = listed.find((x) => x.id === id);
      const wasListed = listed.some((x) => x.id === d.answers.districtId);
      const typed = wasListed ? '' : (d.answers.district ?? '');
      return { ...d, answers: { ...d.answers, districtId: id, district: pick ? pick.name : typed } };
    });
  const accountPanel = useRef<HTMLDivElement>(null);
  const me = session.data?.user;
  const submit = useChange(
    () =>
      call(cases.createCase, {
        body: requestBody({
          form,
          program,
          pack,
          draft,
          preferredMediator,
          chosen,
          districtName,
          isCoordinator,
          myName: me?.name ?? '',
          districtOffice: (district) => tDistrict('form.districtOffice', { district }),
        }),
      }),
    {
      invalidates: [caseKeys.mine(), caseKeys.requestDraft()],
      onSuccess: (r) => {
        forgetLocalDraft();
        navigate(`/cases/${r.id}`);
      },
    },
  );
  const err = submit.error;
  // Sent before signing in: the request waits here, whole, while the person signs in below.
  const [sendPressed, setSendPressed] = useState(0);
  const mustSignIn = !signedIn && (sendPressed > 0 || err?.status === 401);
  useEffect(() => {
    if (mustSignIn && sendPressed >= 0) accountPanel.current?.querySelector<HTMLElement>('h2')?.focus();
  }, [mustSignIn, sendPressed]);
  // The parent's preview of the letter, in the page's language.
  const letter =
    form === 'special_education'
      ? requestLetterBlocks(
          {
            parent:
              isCoordinator && v.requesterName
                ? { name: v.requesterName, email: v.requesterEmail }
                : { name: me?.name ?? '', address: v.address, phone: v.phone, email: me?.email },
            student: { name: v.student ?? '', school: v.school, grade: v.grade },
            district: districtName,
            categories: pack.issueTemplates.value.filter((i) => issues.includes(i.id)).map(words.issue),
            description: v.description ?? '',
          },
          t,
        )
      : null;
  const f = (name: string) => err?.field(name);
  const fields = { answers: v, onAnswer: answer, errorOf: f };
  return (
    <>
      <SendForm
        onSend={() => (signedIn ? submit.run() : setSendPressed((n) => n + 1))}
        busy={submit.busy}
        busyLabel={t('form.busy')}
        submit={t('form.submit')}
        after={
          letter ? (
            <Button variant="secondary" onClick={() => setPreview(!preview)} aria-expanded={preview}>
              {preview ? t('form.hideLetter') : t('form.previewLetter')}
            </Button>
          ) : null
        }
      >
        <h2>{t('form.about')}</h2>
        <p>{words.cost(pack.cost.value.text)}</p>
        {mustSignIn ? (
          <Alert tone="info">{t('form.mustSignIn')}</Alert>
        ) : err ? (
          <Alert tone="error">
            {Object.keys(err.fields).length ? t('form.needsFix') : errorMessage(err)}
          </Alert>
        ) : null}
        {isCoordinator ? <Questions questions={REQUESTER} {...fields} /> : null}
        <AboutRequest
          form={form}
          pack={pack}
          answers={v}
          answer={answer}
          issues={issues}
          setIssues={(picked) => keeping.update((d) => ({ ...d, issues: picked }))}
          listed={listed}
          chosen={chosen}
          pickDistrict={pickDistrict}
          errorOf={f}
        />
        <h2>{t('form.otherSide')}</h2>
        {chosen ? (
          <p>
            <Trans
              t={t}
              i18nKey="form.sendsTo"
              values={{ name: chosen.name, email: chosen.email }}
              components={{ strong: <strong /> }}
            />
          </p>
        ) : null}
        <Questions questions={otherSide(form, Boolean(chosen))} {...fields} />
        {!isCoordinator ? (
          <>
            <h2>{t('form.reachYou')}</h2>
            <p className="muted">{t('form.reachYouNote')}</p>
            <Questions questions={CONTACT} {...fields} />
          </>
        ) : null}
        {form === 'special_education' ? (
          <Checkbox
            label={t('form.askState')}
            checked={askState}
            onChange={(ask) => keeping.update((d) => ({ ...d, askState: ask }))}
            error={f('requestStateMediation')}
          />
        ) : null}
        {letter && preview ? <LetterPreview blocks={letter} /> : null}
        <DraftStatus keeping={keeping} signedIn={signedIn} />
      </SendForm>
      {signedIn ? null : (
        <div ref={accountPanel}>
          <RequestSignIn />
        </div>
      )}
    </>
  );
}
