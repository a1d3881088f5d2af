import * as library from '../../../contracts/library.ts';
import { formatMissouriDate } from '../../../domain/missouri-time.ts';
import { href } from '../../api/client.ts';
import { useLibraryForms } from '../../api/library.ts';
import { Loading } from '../../components/Loading.tsx';
import { ErrorAlert } from '../mediation/shared.tsx';
import { CsvLink, ListPages, ListTable, SearchChoiceDates, useStaffList } from './StaffList.tsx';

const FILTERS = ['q', 'from', 'to'] as const;

/** Every form in the library: searched, by the day it last changed, paged, as CSV. */
export function StaffFormList() {
  const { list, result: forms, error } = useStaffList(FILTERS, useLibraryForms);
  return (
    <section className="panel" aria-labelledby="library-forms-title">
      <h2 id="library-forms-title">Every form</h2>
      <SearchChoiceDates
        list={list}
        error={error}
        what="forms"
        search={{ label: 'Search forms', hint: 'Part of the title, category or description.' }}
        choices={[]}
        days="Last changed"
      />
      <CsvLink
        href={href(library.downloadLibraryForms, undefined, list.filters as library.LibraryFormsQuery)}
      >
        Download these forms (CSV)
      </CsvLink>
      {forms.isPending ? <Loading what="Loading forms" /> : null}
      <ErrorAlert error={forms.error} />
      {forms.data?.rows.length === 0 ? <p>No forms match.</p> : null}
      {forms.data?.rows.length ? (
        <ListTable label="Forms found">
          <thead>
            <tr>
              <th scope="col">Form</th>
              <th scope="col">Category</th>
              <th scope="col">Version</th>
              <th scope="col">Last changed</th>
            </tr>
          </thead>
          <tbody>
            {forms.data.rows.map((r) => (
              <tr key={r.id}>
                <td>{r.title}</td>
                <td>{r.category}</td>
                <td>
                  {r.version} <span className="muted">of {r.versions}</span>
                </td>
                <td className="nowrap">{formatMissouriDate(r.updatedAt)}</td>
              </tr>
            ))}
          </tbody>
        </ListTable>
      ) : null}
      <ListPages previous={list.previous} next={forms.data?.next} onNext={list.next} />
    </section>
  );
}
