import { addDistrict, type District, removeDistrict } from '../../../contracts/programs.ts';
import { useChange } from '../../api/change.ts';
import { call, errorMessage } from '../../api/client.ts';
import { programKeys, useDistricts } from '../../api/programs.ts';
import { Alert } from '../../components/Alert.tsx';
import { ChangeStatus } from '../../components/ChangeStatus.tsx';
import { Entry, EntryList, RemoveButton } from '../../components/EntryList.tsx';
import { FieldRow, TextField } from '../../components/Field.tsx';
import { useFormValues } from '../../components/form-values.ts';
import { SendForm } from '../../components/SendForm.tsx';
import './programs.css';

/**
 * The school districts a special-education program lists, each with the address its requests for
 * mediation go to: a parent chooses theirs on the request form. Its coordinators keep the list.
 */
export function ProgramDistricts({ programId }: { programId: string }) {
  const list = useDistricts(programId);
  const add = useChange(
    (body: { name: string; email: string }) => call(addDistrict, { params: { programId }, body }),
    {
      invalidates: [programKeys.districts(programId)],
      success: (d) => `${d.name} is on the list. Parents can choose it on the request form.`,
      onSuccess: (): void => form.reset(),
    },
  );
  const form = useFormValues({ name: '', email: '' }, add);
  const remove = useChange(
    (d: District) => call(removeDistrict, { params: { programId, districtId: d.id } }).then(() => d),
    {
      invalidates: [programKeys.districts(programId)],
      success: (d) => `${d.name} is off the list. Requests already sent keep it.`,
    },
  );
  if (list.isError) return <Alert tone="error">{errorMessage(list.error)}</Alert>;
  if (!list.data?.can.manage) return null;
  return (
    <section aria-labelledby="districts">
      <h2 id="districts">School districts</h2>
      <p>
        Parents choose their district from this list when they ask for mediation, and the request goes to the
        address you give for it. A parent whose district is not listed can still type its name.
      </p>
      <ChangeStatus of={[add, remove]} />
      <EntryList empty="No districts yet.">
        {list.data.districts.map((d) => (
          <Entry
            key={d.id}
            name={d.name}
            action={<RemoveButton name={d.name} busy={remove.busy} onClick={() => remove.run(d)} />}
          >
            <span className="muted">{d.email}</span>
          </Entry>
        ))}
      </EntryList>
      <SendForm
        onSend={() => add.run(form.values)}
        busy={add.busy}
        busyLabel="Adding…"
        submit="Add the district"
      >
        <FieldRow>
          <TextField label="District’s name" {...form.bind('name')} name="districtName" />
          <TextField
            label="E-mail for mediation requests"
            type="email"
            {...form.bind('email')}
            name="districtEmail"
          />
        </FieldRow>
      </SendForm>
    </section>
  );
}
