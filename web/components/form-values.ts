import { useState } from 'react';

/** A form the server does not check (a search box): no field has a message. */
const NO_ERRORS = { field: () => undefined };

/**
 * A form's text values, and `bind(name)`: the props that tie a field to one of them and to the
 * server's message about it (`<TextField label="Title" {...form.bind('title')} />`).
 */
export function useFormValues<T extends Record<string, string>>(
  empty: T,
  errors: { field: (name: string) => string | undefined } = NO_ERRORS,
) {
  const [values, setValues] = useState(empty);
  return {
    values,
    bind: (name: keyof T & string, errorName: string = name) => ({
      name,
      value: values[name],
      onChange: (e: { target: { value: string } }) => setValues((v) => ({ ...v, [name]: e.target.value })),
      error: errors.field(errorName),
    }),
    /** Sets one value from something other than a text field (a choice, a checkbox). */
    set: (name: keyof T & string, value: string) => setValues((v) => ({ ...v, [name]: value })),
    reset: () => setValues(empty),
  };
}
