import { FieldRow, TextField } from './Field.tsx';

/** The two fields, each with its label and the kind of text box it is. */
const FIELDS = [
  { name: 'name', label: 'Name', type: undefined, set: 'onName' },
  { name: 'email', label: 'E-mail', type: 'email', set: 'onEmail' },
] as const;

/** The name and e-mail address of a person being invited, side by side, each with its error. */
export function InviteeFields(props: {
  name: string;
  email: string;
  onName: (value: string) => void;
  onEmail: (value: string) => void;
  field: (name: string) => string | undefined;
}) {
  return (
    <FieldRow>
      {FIELDS.map((f) => (
        <TextField
          key={f.name}
          label={f.label}
          name={f.name}
          type={f.type}
          autoComplete="off"
          value={props[f.name]}
          onChange={(e) => props[f.set](e.target.value)}
          error={props.field(f.name)}
        />
      ))}
    </FieldRow>
  );
}
