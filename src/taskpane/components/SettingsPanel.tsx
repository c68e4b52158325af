import { Button, Checkbox, Field, Input, makeStyles, Select, tokens } from '@fluentui/react-components';
import type { HeaderChoices } from '../../core/read/headerChoices';
import type { CellSelection } from '../../core/host';
import { BlockChooser } from './BlockChooser';
import { ColumnMapping } from './ColumnMapping';
import { FiscalYearField } from './FiscalYearField';
import { useSelectStyles } from './selectStyles';
import { useEffect, useState } from 'react';
import type { WorkbookSettings } from '../../core/host';
import { DEFAULT_SCALE, validateScale } from '../../core/interpret/rating';
import type { Analysis, RatingLevel, Role } from '../../core/types';
import { BUILT_IN_SCALES } from '../../core/vocabulary/scales';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  // The table's options stand apart from the column choices' own button above them.
  options: { marginTop: tokens.spacingVerticalL },
  level: { display: 'grid', gridTemplateColumns: '1fr 72px', gap: tokens.spacingHorizontalS },
  problem: { color: tokens.colorPaletteRedForeground1, margin: 0 },
  h2: { fontSize: tokens.fontSizeBase400, margin: `${tokens.spacingVerticalS} 0` },
  note: { margin: `0 0 ${tokens.spacingVerticalS}` },
});

/** The table's header cells (without samples) when the host gave no header choices. */
function fromTable(analysis: Analysis | null): HeaderChoices | null {
  const table = analysis?.table;
  if (!table) return null;
  return { row: table.headerRow, cells: table.headerCells.map((c) => ({ ...c, samples: [], suggested: null })) };
}

/** Development builds carry the self-test page (webpack.config.js); production builds drop this link. */
const SELF_TEST = process.env.NODE_ENV === 'development';

type SetDraft = (s: WorkbookSettings) => void;

/** The status scale: found from the table, a built-in one, or the user's own labels and weights. */
function ScaleField({ draft, setDraft, analysis }: { draft: WorkbookSettings; setDraft: SetDraft; analysis: Analysis | null }) {
  const styles = useSelectStyles();
  return (
    <Field label="Status scale" hint={analysis?.table ? `This table reads as: ${analysis.scaleLabel}` : undefined}>
      <Select
        className={styles.select}
        select={{ className: styles.selectInner }}
        value={draft.ratingScale ? 'custom' : (draft.scale ?? '')}
        onChange={(_e, d) => {
          const { scale: _s, ratingScale: _r, ...rest } = draft;
          if (d.value === 'custom') setDraft({ ...rest, ratingScale: DEFAULT_SCALE });
          else setDraft(d.value === '' ? rest : { ...rest, scale: d.value as NonNullable<WorkbookSettings['scale']> });
        }}
      >
        <option value="">Found from the table</option>
        {BUILT_IN_SCALES.map((s) => (
          <option key={s.name} value={s.name}>
            {s.label}:{' '}
            {s.levels
              .map((l) => l.label)
              .slice(0, 4)
              .join(', ')}
          </option>
        ))}
        <option value="custom">My own labels and weights</option>
      </Select>
    </Field>
  );
}

/** The user's own rating scale: a label and a weight for each level, best first. */
function CustomScale({ scale, setLevel }: { scale: readonly RatingLevel[]; setLevel: (i: number, change: Partial<RatingLevel>) => void }) {
  const styles = useStyles();
  return (
    <fieldset style={{ border: 'none', padding: 0, margin: 0 }}>
      <legend>Rating scale, best first: label and weight (0 to 1)</legend>
      {scale.map((level, i) => (
        <div key={level.key} className={styles.level}>
          <Input aria-label={`Rating ${i + 1} label`} value={level.label} onChange={(_e, d) => setLevel(i, { label: d.value })} />
          <Input
            aria-label={`Rating ${i + 1} weight`}
            type="number"
            step={0.05}
            min={0}
            max={1}
            value={level.weight === null ? '' : String(level.weight)}
            onChange={(_e, d) => setLevel(i, { weight: Number(d.value) })}
          />
        </div>
      ))}
    </fieldset>
  );
}

/** The table to read, the status scale, the financial year and the status column, with the scale's problems and the save button. */
function OptionsForm({
  draft,
  setDraft,
  analysis,
  onSave,
}: {
  draft: WorkbookSettings;
  setDraft: SetDraft;
  analysis: Analysis | null;
  onSave: (s: WorkbookSettings) => void;
}) {
  const styles = useStyles();
  const scale: readonly RatingLevel[] = draft.ratingScale ?? DEFAULT_SCALE;
  const problems = validateScale(scale);
  const setLevel = (i: number, change: Partial<RatingLevel>) =>
    setDraft({ ...draft, ratingScale: scale.map((l, j) => (j === i ? { ...l, ...change } : l)) });
  return (
    <form
      className={styles.form}
      onSubmit={(e) => {
        e.preventDefault();
        if (problems.length === 0) onSave(draft);
      }}
    >
      <BlockChooser
        blocks={analysis?.blocks ?? []}
        value={draft.block}
        onChange={(block) => {
          const { block: _old, ...rest } = draft;
          setDraft(block === undefined ? rest : { ...rest, block });
        }}
      />
      <ScaleField draft={draft} setDraft={setDraft} analysis={analysis} />
      {draft.ratingScale ? <CustomScale scale={scale} setLevel={setLevel} /> : null}
      <FiscalYearField
        value={draft.fiscalYear}
        onChange={(fiscalYear) => {
          const { fiscalYear: _old, ...rest } = draft;
          setDraft(fiscalYear === undefined ? rest : { ...rest, fiscalYear });
        }}
      />
      <Checkbox
        checked={draft.statusColumn !== false}
        onChange={(_e, d) => setDraft({ ...draft, statusColumn: d.checked === true })}
        label={'Write the status column ("Check (auto)")'}
      />
      {problems.map((p) => (
        <p key={p} className={styles.problem} role="alert">
          {p}
        </p>
      ))}
      <Button type="submit" disabled={problems.length > 0}>
        Save settings and check again
      </Button>
    </form>
  );
}

/** Column mapping, status column and rating scale, stored in the workbook (the pane's Settings tab). */
export function SettingsPanel({
  analysis,
  header = null,
  settings,
  onSave,
  onRecheck,
  onPickHeaderRow,
}: {
  analysis: Analysis | null;
  /** The header row's cells with sample values, from the latest check. */
  header?: HeaderChoices | null;
  settings: WorkbookSettings;
  /** Saves and checks again, showing the results. */
  onSave: (s: WorkbookSettings) => void;
  /** Saves and checks again, staying here (a new header row brings its cells to pick from). */
  onRecheck?: (s: WorkbookSettings) => void;
  onPickHeaderRow?: () => Promise<CellSelection | null>;
}) {
  const styles = useStyles();
  const [draft, setDraft] = useState<WorkbookSettings>(settings);
  useEffect(() => setDraft(settings), [settings]);
  const noTable = analysis !== null && analysis.table === null;
  const setColumn = (role: Role, letter: string) => {
    const columns = { ...(draft.columns ?? {}) };
    if (letter === '') delete columns[role];
    else columns[role] = letter;
    setDraft({ ...draft, columns });
  };

  return (
    <section aria-labelledby="settings-heading">
      <h2 id="settings-heading" className={styles.h2}>
        Settings for this workbook
      </h2>
      {noTable ? (
        <p className={styles.note}>No table was found: pick the header row in the sheet and the column of each kind below.</p>
      ) : null}
      <ColumnMapping
        header={header ?? fromTable(analysis)}
        headerRow={draft.headerRow}
        columns={draft.columns ?? {}}
        found={analysis?.table?.columns ?? null}
        onPickHeaderRow={onPickHeaderRow ?? (async () => null)}
        onHeaderRow={(row) => {
          const { headerRow: _old, ...rest } = draft;
          const next = row ? { ...rest, headerRow: row } : rest;
          setDraft(next);
          (onRecheck ?? onSave)(next);
        }}
        onColumn={setColumn}
        onApply={() => {
          if (validateScale(draft.ratingScale ?? DEFAULT_SCALE).length === 0) onSave(draft);
        }}
      />
      <div className={styles.options}>
        <OptionsForm draft={draft} setDraft={setDraft} analysis={analysis} onSave={onSave} />
        {SELF_TEST && <a href="selftest.html">Run the self-test for real Excel (development build)</a>}
      </div>
    </section>
  );
}
