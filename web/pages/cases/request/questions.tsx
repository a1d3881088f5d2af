import type { ComponentProps } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '../../../components/Field.tsx';

/**
 * The request's text questions: each answer's name, its words (keys of the `request` catalog's
 * `questions.*`), and the request field a problem comes back on.
 */
export type Question = Omit<
  ComponentProps<typeof TextField>,
  'name' | 'value' | 'onChange' | 'error' | 'label' | 'hint'
> & {
  name: string;
  label: string;
  hint?: string;
  errorOn?: string;
};

export const REQUESTER: Question[] = [
  { name: 'requesterName', label: 'requesterName', errorOn: 'requester.name' },
  {
    name: 'requesterEmail',
    label: 'requesterEmail',
    type: 'email',
    hint: 'requesterEmailHint',
    errorOn: 'requester.email',
  },
];

export const STUDENT: Question[] = [
  { name: 'student', label: 'student', errorOn: 'student.name', autoComplete: 'off' },
  { name: 'school', label: 'school' },
  { name: 'grade', label: 'grade' },
];

/** The district typed in: where the program keeps no list, or the parent's is not on it. */
export const DISTRICT: Question[] = [{ name: 'district', label: 'district', errorOn: 'district.name' }];
export const OTHER_DISTRICT: Question[] = [
  { name: 'district', label: 'otherDistrict', errorOn: 'district.name' },
];

export const COURT: Question[] = [
  { name: 'court', label: 'court', errorOn: 'court' },
  { name: 'circuit', label: 'circuit', inputMode: 'numeric', errorOn: 'circuit' },
  { name: 'caseNumber', label: 'caseNumber', errorOn: 'caseNumber' },
  { name: 'orderDate', label: 'orderDate', type: 'date', errorOn: 'orderDate' },
];

export const BEGIN_BY: Question[] = [{ name: 'beginBy', label: 'beginBy', type: 'date', errorOn: 'beginBy' }];

const OTHER_EMAIL: Question = {
  name: 'otherEmail',
  label: 'otherEmail',
  type: 'email',
  hint: 'otherEmailHint',
  errorOn: 'respondent.email',
};

/** Who the other side is: a district's contact (optional when the district is from the list), else a person. */
export const otherSide = (form: string, listed: boolean): Question[] => [
  {
    name: 'otherName',
    label:
      form !== 'special_education' ? 'theirName' : listed ? 'districtContactOptional' : 'districtContact',
    errorOn: 'respondent.name',
  },
  ...(listed ? [] : [OTHER_EMAIL]),
];

export const CONTACT: Question[] = [
  { name: 'address', label: 'address', autoComplete: 'street-address', errorOn: 'requester.address' },
  { name: 'phone', label: 'phone', type: 'tel', autoComplete: 'tel', errorOn: 'requester.phone' },
];

/** The questions as fields, in the page's language, each with its answer and the problem sent back on it. */
export function Questions({
  questions,
  answers,
  onAnswer,
  errorOf,
}: {
  questions: Question[];
  answers: Record<string, string>;
  onAnswer: (name: string, value: string) => void;
  errorOf: (field: string) => string | undefined;
}) {
  const { t } = useTranslation('request');
  return questions.map(({ errorOn, label, hint, ...q }) => (
    <TextField
      key={q.name}
      {...q}
      label={t(`questions.${label}`)}
      hint={hint ? t(`questions.${hint}`) : undefined}
      value={answers[q.name] ?? ''}
      onChange={(e) => onAnswer(q.name, e.target.value)}
      error={errorOn ? errorOf(errorOn) : undefined}
    />
  ));
}
