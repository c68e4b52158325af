import { Button, Checkbox, Field, Input, makeStyles, Select, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { WorkbookSettings } from '../../core/host';
import { ROLE_NAMES } from '../../core/findTable';
import { DEFAULT_SCALE, validateScale } from '../../core/rating';
import type { Analysis, RatingLevel, Role } from '../../core/types';
import { BUILT_IN_SCALES } from '../../core/vocabulary/scales';
import { ROLES } from '../../core/types';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  level: { display: 'grid', gridTemplateColumns: '1fr 72px', gap: tokens.spacingHorizontalS },
  problem: { color: tokens.colorPaletteRedForeground1, margin: 0 },
  h2: { fontSize: tokens.fontSizeBase400, margin: `${tokens.spacingVerticalS} 0` },
  note: { margin: `0 0 ${tokens.spacingVerticalS}` },
});

/** Development builds carry the self-test page (webpack.config.js); production builds drop this link. */
const SELF_TEST = process.env.NODE_ENV === 'development';

/** Column mapping, status column and rating scale, stored in the workbook (the pane's Settings tab). */
export function SettingsPanel({
  analysis,
  settings,
  onSave,
}: {
  analysis: Analysis | null;
  settings: WorkbookSettings;
  onSave: (s: WorkbookSettings) => void;
}) {
  const styles = useStyles();
  const [draft, setDraft] = useState<WorkbookSettings>(settings);
  useEffect(() => setDraft(settings), [settings]);
  const noTable = analysis !== null && analysis.table === null;
  const cells = analysis?.table?.headerCells ?? [];
  const scale: readonly RatingLevel[] = draft.ratingScale ?? DEFAULT_SCALE;
  const problems = validateScale(scale);
  const setColumn = (role: Role, letter: string) => {
    const columns = { ...(draft.columns ?? {}) };
    if (letter === '') delete columns[role];
    else columns[role] = letter;
    setDraft({ ...draft, columns });
  };
  const setLevel = (i: number, change: Partial<RatingLevel>) =>
    setDraft({ ...draft, ratingScale: scale.map((l, j) => (j === i ? { ...l, ...change } : l)) });

  return (
    <section aria-labelledby="settings-heading">
      <h2 id="settings-heading" className={styles.h2}>
        Settings for this workbook
      </h2>
      {noTable ? <p className={styles.note}>No table was found: give the header row and the column of each kind below.</p> : null}
      <div>
        <form
          className={styles.form}
          onSubmit={(e) => {
            e.preventDefault();
            if (problems.length === 0) onSave(draft);
          }}
        >
          <Field label="Header row" hint="Leave empty to find it automatically.">
            <Input
              type="number"
              min={1}
              value={draft.headerRow ? String(draft.headerRow) : ''}
              onChange={(_e, d) => {
                const n = Number(d.value);
                const { headerRow: _old, ...rest } = draft;
                setDraft(d.value && Number.isInteger(n) && n >= 1 ? { ...rest, headerRow: n } : rest);
              }}
            />
          </Field>
          {ROLES.map((role) =>
            cells.length > 0 ? (
              <Field key={role} label={`${ROLE_NAMES[role]} column`}>
                <Select value={draft.columns?.[role] ?? ''} onChange={(_e, d) => setColumn(role, d.value)}>
                  <option value="">Found automatically{analysis?.table?.columns[role] ? ` (${analysis.table.columns[role]})` : ''}</option>
                  {cells.map((c) => (
                    <option key={c.column} value={c.column}>
                      {c.column}: {c.text.slice(0, 40)}
                    </option>
                  ))}
                </Select>
              </Field>
            ) : (
              <Field key={role} label={`${ROLE_NAMES[role]} column letter`}>
                <Input
                  value={draft.columns?.[role] ?? ''}
                  maxLength={3}
                  onChange={(_e, d) => setColumn(role, d.value.toUpperCase().replace(/[^A-Z]/g, ''))}
                />
              </Field>
            ),
          )}
          <Checkbox
            checked={draft.statusColumn !== false}
            onChange={(_e, d) => setDraft({ ...draft, statusColumn: d.checked === true })}
            label={'Write the status column ("Check (auto)")'}
          />
          <Field label="Status scale" hint={analysis?.table ? `This table reads as: ${analysis.scaleLabel}` : undefined}>
            <Select
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
          {draft.ratingScale ? (
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
          ) : null}
          {problems.map((p) => (
            <p key={p} className={styles.problem} role="alert">
              {p}
            </p>
          ))}
          <Button type="submit" disabled={problems.length > 0}>
            Save settings and check again
          </Button>
        </form>
        {SELF_TEST && <a href="selftest.html">Run the self-test for real Excel (development build)</a>}
      </div>
    </section>
  );
}
