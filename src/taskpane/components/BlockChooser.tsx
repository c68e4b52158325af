import { Field, Select } from '@fluentui/react-components';
import type { TableBlock } from '../../core/types';
import { useSelectStyles } from './selectStyles';

/** How one table of the sheet is named in the list: its number, heading, rows and items (as the BLOCKS_FOUND note says). */
export function blockLabel(block: TableBlock): string {
  const items = `${block.items} item${block.items === 1 ? '' : 's'}`;
  return `Table ${block.number}: ${block.heading ?? 'no heading'} (rows ${block.firstRow}-${block.lastRow}, ${items})`;
}

/**
 * Which table of a sheet holding several is read (T2): every table with the columns of the one found (the
 * default), or one alone. Shown only where the sheet has several tables or one was chosen.
 */
export function BlockChooser({
  blocks,
  value,
  onChange,
}: {
  blocks: readonly TableBlock[];
  value: number | undefined;
  onChange: (block: number | undefined) => void;
}) {
  const styles = useSelectStyles();
  if (blocks.length < 2 && value === undefined) return null;
  const read = blocks.filter((b) => b.read).length;
  return (
    <Field
      label="Table to read"
      hint={`This sheet holds ${blocks.length} table${blocks.length === 1 ? '' : 's'}; ${read} ${read === 1 ? 'is' : 'are'} read now.`}
    >
      <Select
        className={styles.select}
        select={{ className: styles.selectInner }}
        value={value === undefined ? '' : String(value)}
        onChange={(_e, d) => onChange(d.value === '' ? undefined : Number(d.value))}
      >
        <option value="">Every table with the same columns (found)</option>
        {blocks.map((b) => (
          <option key={b.number} value={String(b.number)}>
            {blockLabel(b)}
          </option>
        ))}
        {value !== undefined && !blocks.some((b) => b.number === value) ? (
          <option value={String(value)}>Table {value} (not on this sheet)</option>
        ) : null}
      </Select>
    </Field>
  );
}
