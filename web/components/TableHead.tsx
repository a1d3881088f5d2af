/**
 * A table's header row: one column heading a name, each read out as its column's heading. A last
 * column of buttons (`buttons="Actions"`) has a heading that is read out but not shown.
 */
export function TableHead({ columns, buttons }: { columns: readonly string[]; buttons?: string }) {
  return (
    <thead>
      <tr>
        {columns.map((column) => (
          <th key={column} scope="col">
            {column}
          </th>
        ))}
        {buttons ? (
          <th scope="col">
            <span className="visually-hidden">{buttons}</span>
          </th>
        ) : null}
      </tr>
    </thead>
  );
}
