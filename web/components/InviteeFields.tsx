import { FieldRow, TextField } from './Field.tsx';

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
      <TextField
        label="Name"
        name="name"
        autoComplete="off"
        value={props.name}
        onChange={(e) => props.onName(e.target.value)}
        error={props.field('name')}
      />
      <TextField
        label="E-mail"
        name="email"
        type="email"
        autoComplete="off"
        value={props.email}
        onChange={(e) => props.onEmail(e.target.value)}
        error={props.field('email')}
      />
    </FieldRow>
  );
}
