import type { ReactNode } from 'react';
import { Choices } from './Field.tsx';

/**
 * A question with one answer, as radio buttons named `name`: one for each entry of `options`
 * (its value and the label shown), in the order written. `picked` is the answer chosen so far
 * (none while it is undefined or null); `onPick` is handed the value chosen, typed as the options'
 * own values, so a page keeps its answer as its own type with no narrowing of its own.
 */
export function PickOne<V extends string>({
  legend,
  hint,
  name,
  options,
  picked,
  onPick,
  error,
}: {
  legend: string;
  hint?: ReactNode;
  name: string;
  /** Value → label, in the order shown (values are words, never numbers, so the order holds). */
  options: Record<V, ReactNode>;
  picked: V | null | undefined;
  onPick: (value: V) => void;
  error?: string | undefined;
}) {
  const values = Object.keys(options) as V[];
  return (
    <Choices
      legend={legend}
      hint={hint}
      type="radio"
      name={name}
      options={values.map((value) => ({ value, label: options[value] }))}
      value={picked == null ? [] : [picked]}
      onChange={([chosen]) => {
        const value = values.find((v) => v === chosen);
        if (value !== undefined) onPick(value);
      }}
      error={error}
    />
  );
}
