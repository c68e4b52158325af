import { Button, Dropdown, Field, makeStyles, Option, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { ROLE_NAMES } from '../../core/read/findTable';
import type { HeaderChoices } from '../../core/read/headerChoices';
import type { CellSelection } from '../../core/host';
import type { Role } from '../../core/types';
import { ROLES } from '../../core/types';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  h3: { fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold, margin: `${tokens.spacingVerticalS} 0 0` },
  text: { margin: 0, overflowWrap: 'anywhere' },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  dropdown: { minWidth: 0, width: '100%' },
  listbox: { maxWidth: 'min(330px, 95vw)' },
  samples: { display: 'block', fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2, overflowWrap: 'anywhere' },
  option: { display: 'block', overflowWrap: 'anywhere' },
});

const AUTO = '';

/** "E: Recommendation". */
const label = (c: { column: string; text: string }) => `${c.column}: ${c.text}`;

/** One kind of column: a list of the header row's cells with their first values, or "Found automatically". */
function RoleDropdown({
  role,
  cells,
  chosen,
  found,
  onColumn,
}: {
  role: Role;
  cells: HeaderChoices['cells'];
  chosen: string;
  found: string | null;
  onColumn: (role: Role, letter: string) => void;
}) {
  const styles = useStyles();
  const auto = found ? `Found automatically (${found})` : 'Found automatically (none)';
  const selected = cells.find((c) => c.column === chosen);
  return (
    <Field label={`${ROLE_NAMES[role]} column`}>
      <Dropdown
        className={styles.dropdown}
        listbox={{ className: styles.listbox }}
        value={selected ? label(selected) : auto}
        selectedOptions={[chosen]}
        onOptionSelect={(_e, d) => onColumn(role, d.optionValue ?? AUTO)}
      >
        <Option value={AUTO} text={auto}>
          {auto}
        </Option>
        {cells.map((c) => (
          <Option key={c.column} value={c.column} text={label(c)}>
            <span className={styles.option}>
              {label(c)}
              {c.samples.length > 0 ? <span className={styles.samples}>{c.samples.join(' · ')}</span> : null}
            </span>
          </Option>
        ))}
      </Dropdown>
    </Field>
  );
}

/** Which row is the header, and the buttons to take the selected row instead or to find it automatically again. */
function HeaderRowPicker({
  header,
  headerRow,
  found,
  onPickHeaderRow,
  onHeaderRow,
}: {
  header: HeaderChoices | null;
  headerRow: number | undefined;
  found: boolean;
  onPickHeaderRow: () => Promise<CellSelection | null>;
  onHeaderRow: (row: number | undefined) => void;
}) {
  const styles = useStyles();
  const [problem, setProblem] = useState<string | null>(null);
  const pick = async () => {
    setProblem(null);
    const cell = await onPickHeaderRow();
    if (!cell) setProblem('No cell is selected in a worksheet. Click a cell of the header row, then try again.');
    else onHeaderRow(cell.row);
  };
  return (
    <>
      <p className={styles.text}>
        {header
          ? `Header row ${header.row}${headerRow ? ', chosen by you' : found ? ', found automatically' : ', the likeliest one'}.`
          : 'No header row yet.'}{' '}
        To use another, click a cell of the header row in the sheet, then:
      </p>
      <div className={styles.row}>
        <Button onClick={() => void pick()}>Use the selected row as header</Button>
        {headerRow ? (
          <Button appearance="subtle" onClick={() => onHeaderRow(undefined)}>
            Find the header automatically
          </Button>
        ) : null}
      </div>
      {problem ? (
        <p className={styles.text} role="alert">
          {problem}
        </p>
      ) : null}
    </>
  );
}

/**
 * Choosing the table by picking, not typing: the header row is the row of the cell the user clicks in the sheet
 * ("Use the selected row as header"), and each kind of column is a list of that row's header cells, each with
 * the first values under it. A role left on "Found automatically" keeps what the checker found.
 */
export function ColumnMapping({
  header,
  headerRow,
  columns,
  found,
  onPickHeaderRow,
  onHeaderRow,
  onColumn,
  onApply,
}: {
  header: HeaderChoices | null;
  /** The header row the user chose, or undefined when it is found automatically. */
  headerRow: number | undefined;
  columns: Partial<Record<Role, string>>;
  /** What the checker found per role, or null when no table was found. */
  found: Readonly<Record<Role, string | null>> | null;
  onPickHeaderRow: () => Promise<CellSelection | null>;
  /** A new header row (or automatic), applied at once so the row's cells can be offered. */
  onHeaderRow: (row: number | undefined) => void;
  onColumn: (role: Role, letter: string) => void;
  /** Saves the mapping and checks again: the primary action of this step. */
  onApply: () => void;
}) {
  const styles = useStyles();
  const cells = header?.cells ?? [];
  return (
    <section className={styles.root} aria-labelledby="columns-heading">
      <h3 id="columns-heading" className={styles.h3}>
        Columns
      </h3>
      <HeaderRowPicker
        header={header}
        headerRow={headerRow}
        found={found !== null}
        onPickHeaderRow={onPickHeaderRow}
        onHeaderRow={onHeaderRow}
      />
      {cells.length > 0
        ? ROLES.map((role) => (
            <RoleDropdown
              key={role}
              role={role}
              cells={cells}
              chosen={columns[role] ?? AUTO}
              found={found?.[role] ?? null}
              onColumn={onColumn}
            />
          ))
        : null}
      {cells.length > 0 ? (
        <Button appearance="primary" onClick={onApply}>
          Check with these columns
        </Button>
      ) : null}
    </section>
  );
}
