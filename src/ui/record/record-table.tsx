import type { ComponentChildren } from 'preact';

export interface Column {
  readonly label: string;
  /** A number column (right-aligned in a wide table). */
  readonly num?: boolean;
  /** Free text that may wrap (reasons, summaries). */
  readonly text?: boolean;
  /** The cell that names the row (a row header for screen readers). */
  readonly rowHeader?: boolean;
}

export interface Row {
  readonly key: string | number;
  readonly cells: readonly ComponentChildren[];
  readonly attrs?: Readonly<Record<string, string>>;
}

/**
 * A table of the record with column headers; in a narrow window each row becomes a card whose cells carry their
 * column's heading (data-label), so nothing has to be scrolled sideways.
 */
export function RecordTable({ columns, rows }: { readonly columns: readonly Column[]; readonly rows: readonly Row[] }) {
  return (
    <div class="table-wrap">
      <table class="table stack-narrow">
        <thead><tr>{columns.map((c) => <th key={c.label} scope="col" class={c.num ? 'num' : undefined}>{c.label}</th>)}</tr></thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key} {...r.attrs}>
              {r.cells.map((cell, i) => {
                const c = columns[i] ?? { label: '' };
                const cls = c.num ? 'num' : c.text ? 'text' : undefined;
                // The span keeps a cell's content in one piece when a narrow window lays the cell out beside its label.
                return c.rowHeader
                  ? <th key={i} scope="row" class={cls} data-label={c.label}><span>{cell}</span></th>
                  : <td key={i} class={cls} data-label={c.label}><span>{cell}</span></td>;
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
