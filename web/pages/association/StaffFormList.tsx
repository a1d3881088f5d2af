import * as library from '../../../contracts/library.ts';
import { formatMissouriDate } from '../../../domain/missouri-time.ts';
import { href } from '../../api/client.ts';
import { useLibraryForms } from '../../api/library.ts';
import { StaffListPanel } from './StaffList.tsx';

const FILTERS = ['q', 'from', 'to'] as const;

/** Every form in the library: searched, by the day it last changed, paged, as CSV. */
export function StaffFormList() {
  return (
    <StaffListPanel
      id="library-forms-title"
      title="Every form"
      filters={FILTERS}
      read={useLibraryForms}
      what="forms"
      search={{ label: 'Search forms', hint: 'Part of the title, category or description.' }}
      choices={[]}
      days="Last changed"
      csv={(filters) => href(library.downloadLibraryForms, undefined, filters as library.LibraryFormsQuery)}
      columns={['Form', 'Category', 'Version', 'Last changed']}
      row={(r) => (
        <>
          <td>{r.title}</td>
          <td>{r.category}</td>
          <td>
            {r.version} <span className="muted">of {r.versions}</span>
          </td>
          <td className="nowrap">{formatMissouriDate(r.updatedAt)}</td>
        </>
      )}
    />
  );
}
