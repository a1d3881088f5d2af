import { Choices } from './Field.tsx';

/**
 * A question answered yes or no, as two radio buttons named `name`. `answer` is the answer picked
 * so far (none until one is); the two labels come in the page's own words.
 */
export function YesNo({
  legend,
  name,
  answer,
  onAnswer,
  labels,
  error,
}: {
  legend: string;
  name: string;
  answer: boolean | null | undefined;
  onAnswer: (yes: boolean) => void;
  labels: { yes: string; no: string };
  error?: string | undefined;
}) {
  return (
    <Choices
      legend={legend}
      type="radio"
      name={name}
      options={[
        { value: 'yes', label: labels.yes },
        { value: 'no', label: labels.no },
      ]}
      value={answer == null ? [] : [answer ? 'yes' : 'no']}
      onChange={([picked]) => onAnswer(picked === 'yes')}
      error={error}
    />
  );
}
