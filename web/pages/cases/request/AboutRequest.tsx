import { useTranslation } from 'react-i18next';
import type { District } from '../../../../contracts/programs.ts';
import type { RulePack } from '../../../../domain/rule-packs/types.ts';
import { packWords } from '../../../../i18n/pack-words.ts';
import { useCounties } from '../../../api/directory.ts';
import { Choices, Select, TextArea } from '../../../components/Field.tsx';
import { PickOne } from '../../../components/PickOne.tsx';
import { useLanguage } from '../../../i18n.ts';
import { BEGIN_BY, COURT, DISTRICT, OTHER_DISTRICT, Questions, STUDENT } from './questions.tsx';
import type { RequestForm } from './send-request.ts';

/** The district choice that says the parent's district is not on the program's list. */
const NOT_LISTED = 'other';

/**
 * Part 2 of the request, "About your request": the student and the district (special education),
 * the county, the kind of case, the court's referral, and what happened in the person's words.
 */
export function AboutRequest({
  form,
  pack,
  answers: v,
  answer,
  issues,
  setIssues,
  listed,
  chosen,
  pickDistrict,
  errorOf: f,
}: {
  form: RequestForm;
  pack: RulePack;
  answers: Record<string, string>;
  answer: (name: string, value: string) => void;
  issues: string[];
  setIssues: (picked: string[]) => void;
  /** The districts the program lists, and the one picked from them. */
  listed: District[];
  chosen: District | undefined;
  pickDistrict: (id: string) => void;
  errorOf: (field: string) => string | undefined;
}) {
  const { t } = useTranslation('request');
  const words = packWords(useLanguage(), pack.id);
  // For the program's figures: the county the request comes from.
  const counties = useCounties();
  const fields = { answers: v, onAnswer: answer, errorOf: f };
  /** The pack's kinds of issue, to tick; `name` is also the request field a problem comes back on. */
  const issueChoices = (name: string, legend: string, hint?: string) => (
    <Choices
      legend={legend}
      hint={hint}
      type="checkbox"
      name={name}
      options={pack.issueTemplates.value.map((i) => ({ value: i.id, label: words.issue(i) }))}
      value={issues}
      onChange={setIssues}
      error={f(name)}
    />
  );
  return (
    <>
      {form === 'special_education' ? (
        <>
          <Questions questions={STUDENT} {...fields} />
          {listed.length ? (
            <>
              <Select
                label={t('questions.district')}
                hint={t('about.districtHint')}
                name="districtId"
                value={v.districtId ?? ''}
                onChange={(e) => pickDistrict(e.target.value)}
                error={chosen || v.districtId === NOT_LISTED ? undefined : f('district.name')}
              >
                <option value="">{t('about.chooseDistrict')}</option>
                {listed.map((d) => (
                  <option key={d.id} value={d.id}>
                    {d.name}
                  </option>
                ))}
                <option value={NOT_LISTED}>{t('about.notListed')}</option>
              </Select>
              {v.districtId === NOT_LISTED ? <Questions questions={OTHER_DISTRICT} {...fields} /> : null}
            </>
          ) : (
            <Questions questions={DISTRICT} {...fields} />
          )}
          {issueChoices('categories', t('about.issues'), t('about.issuesHint'))}
          <PickOne
            legend={t('about.dueProcess')}
            name="dueProcessPending"
            options={{ yes: t('about.yes'), no: t('about.no'), '': t('about.notSure') }}
            picked={v.dueProcess ?? ''}
            onPick={(picked) => answer('dueProcess', picked)}
          />
        </>
      ) : null}
      <Select
        label={t('about.county')}
        hint={t('about.countyHint')}
        name="county"
        value={v.county ?? ''}
        onChange={(e) => answer('county', e.target.value)}
        error={f('county')}
      >
        <option value="">{t('about.chooseCounty')}</option>
        {(counties.data ?? []).map((c) => (
          <option key={c.fips} value={c.fips}>
            {c.name}
          </option>
        ))}
      </Select>
      {form !== 'special_education' ? (
        <Select
          label={t('about.caseType')}
          name="caseType"
          value={v.caseType ?? pack.caseTypes.value[0]!.id}
          onChange={(e) => answer('caseType', e.target.value)}
          error={f('caseType')}
        >
          {pack.caseTypes.value.map((c) => (
            <option key={c.id} value={c.id}>
              {words.caseType(c)}
            </option>
          ))}
        </Select>
      ) : null}
      {form === 'court_referral' ? (
        <>
          <Questions questions={COURT} {...fields} />
          {pack.optOut.value.allowed ? <Questions questions={BEGIN_BY} {...fields} /> : null}
          {issueChoices('issues', t('about.courtIssues'))}
        </>
      ) : null}
      <TextArea
        label={form === 'community' ? t('about.describeCommunity') : t('about.describe')}
        name="description"
        value={v.description ?? ''}
        onChange={(e) => answer('description', e.target.value)}
        error={f('description')}
      />
    </>
  );
}
