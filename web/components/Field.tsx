import {
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
  useId,
} from 'react';

/**
 * Parley's form fields: one layout for every page. A field's label sits above it, its hint and
 * error between the two; both are read out with the control (aria-describedby), which reports
 * itself invalid while it has an error. Fields side by side go in a FieldRow.
 */

type FieldText = {
  label: string;
  hint?: ReactNode;
  error?: string | undefined;
};

/** Ids tying a control to its hint and error. */
function useDescription(hint: ReactNode, error: string | undefined) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return { id, hintId, errorId, describedBy: [hintId, errorId].filter(Boolean).join(' ') || undefined };
}

function Hint({ id, children }: { id: string | undefined; children: ReactNode }) {
  return children ? (
    <p className="field-hint" id={id}>
      {children}
    </p>
  ) : null;
}

function FieldError({ id, error }: { id: string | undefined; error: string | undefined }) {
  return error ? (
    <p className="field-error" id={id}>
      <span aria-hidden="true">! </span>
      {sentence(error)}
    </p>
  ) : null;
}

/** Server field messages are sometimes fragments ("does not match"): show them as sentences. */
function sentence(text: string): string {
  const trimmed = text.trim();
  const capital = trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
  return /[.!?]$/.test(capital) ? capital : `${capital}.`;
}

const fieldClass = (error: string | undefined, className?: string) =>
  `field${error ? ' field-invalid' : ''}${className ? ` ${className}` : ''}`;

/** What ties a control to its label, hint and error: its id, whether it is invalid, what describes it. */
type ControlProps = { id: string; 'aria-invalid': true | undefined; 'aria-describedby': string | undefined };

/** What a framed field takes besides its control's own props: the words, and a class for the frame. */
type FrameProps = FieldText & { className?: string | undefined };

/**
 * A kind of field: a labelled control with its hint and error. `control` draws the input, text
 * area or list from the props that tie it to them and the field's other props (its value, name…).
 */
function framed<P extends object>(control: (tie: ControlProps, props: P) => ReactNode) {
  return function Framed({ label, hint, error, className, ...props }: FrameProps & P) {
    const ids = useDescription(hint, error);
    return (
      <div className={fieldClass(error, className)}>
        <label htmlFor={ids.id}>{label}</label>
        <Hint id={ids.hintId}>{hint}</Hint>
        <FieldError id={ids.errorId} error={error} />
        {control(
          { id: ids.id, 'aria-invalid': error ? true : undefined, 'aria-describedby': ids.describedBy },
          // What is left once the frame's own props are taken out is the control's.
          props as unknown as P,
        )}
      </div>
    );
  };
}

/** A labelled input. */
export const TextField = framed<Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'className'>>(
  (tie, input) => <input {...tie} {...input} />,
);

/** A file input that hands over the chosen file at once (an upload that needs no other field). */
export function FileField({
  onFile,
  ...rest
}: Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'type' | 'onChange'> &
  FieldText & { onFile: (file: File) => void }) {
  return (
    <TextField
      type="file"
      onChange={(e) => {
        const file = e.currentTarget.files?.[0];
        if (file) onFile(file);
      }}
      {...rest}
    />
  );
}

/** A labelled text area. */
export const TextArea = framed<Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id' | 'className'>>(
  (tie, rest) => <textarea {...tie} rows={4} {...rest} />,
);

/** A labelled drop-down list. */
export const Select = framed<
  Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id' | 'className'> & { children: ReactNode }
>((tie, { children, ...rest }) => (
  <select {...tie} {...rest}>
    {children}
  </select>
));

/** A drop-down list's options: one for each of `values`, in order, each read as `words` says. */
export function Options<V extends string | number>({
  values,
  words,
}: {
  values: readonly V[];
  words: (value: V) => ReactNode;
}) {
  return values.map((value) => (
    <option key={value} value={value}>
      {words(value)}
    </option>
  ));
}

/** Fields (and a button) side by side, wrapping onto new lines on a narrow screen. */
export function FieldRow({ children }: { children: ReactNode }) {
  return <div className="field-row">{children}</div>;
}

/** A group of checkboxes or radio buttons with a legend. */
export function Choices({
  legend,
  hint,
  error,
  type,
  name,
  options,
  value,
  onChange,
}: {
  legend: string;
  hint?: ReactNode;
  error?: string | undefined;
  type: 'checkbox' | 'radio';
  name: string;
  options: { value: string; label: ReactNode }[];
  value: string[];
  onChange: (value: string[]) => void;
}) {
  const ids = useDescription(hint, error);
  return (
    <fieldset className={`choices${error ? ' field-invalid' : ''}`} aria-describedby={ids.describedBy}>
      <legend>{legend}</legend>
      <Hint id={ids.hintId}>{hint}</Hint>
      <FieldError id={ids.errorId} error={error} />
      {options.map((o) => (
        <label key={o.value} className="choice">
          <input
            type={type}
            name={name}
            value={o.value}
            checked={value.includes(o.value)}
            onChange={(e) =>
              onChange(
                type === 'radio'
                  ? [o.value]
                  : e.target.checked
                    ? [...value, o.value]
                    : value.filter((v) => v !== o.value),
              )
            }
          />
          <span>{o.label}</span>
        </label>
      ))}
    </fieldset>
  );
}

/** A single checkbox (consent, intent). */
export function Checkbox({
  label,
  checked,
  onChange,
  error,
}: {
  label: ReactNode;
  checked: boolean;
  onChange: (v: boolean) => void;
  error?: string | undefined;
}) {
  const ids = useDescription(undefined, error);
  return (
    <div className={fieldClass(error, 'choice-single')}>
      <FieldError id={ids.errorId} error={error} />
      <label className="choice">
        <input
          type="checkbox"
          checked={checked}
          aria-describedby={ids.describedBy}
          onChange={(e) => onChange(e.target.checked)}
        />
        <span>{label}</span>
      </label>
    </div>
  );
}
