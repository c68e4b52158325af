import { makeStyles, tokens } from '@fluentui/react-components';
import { RULE_TITLES, SEVERITY_ORDER } from '../../core/findings';
import type { Analysis, Finding, Severity } from '../../core/types';

const useStyles = makeStyles({
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  item: {
    display: 'block',
    width: '100%',
    textAlign: 'left',
    font: 'inherit',
    color: tokens.colorNeutralForeground1,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalS,
    cursor: 'pointer',
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: '1px' },
  },
  rule: { display: 'block', fontWeight: tokens.fontWeightSemibold },
  h2: { fontSize: tokens.fontSizeBase400, margin: `${tokens.spacingVerticalS} 0` },
});

const HEADINGS: Record<Severity, string> = { error: 'Errors', warning: 'Warnings', info: 'Notes' };

/** Findings grouped by severity; activating one (click, Enter or Space) selects its cell in the sheet. */
export function FindingsList({
  analysis,
  notes,
  onSelect,
}: {
  analysis: Analysis;
  notes: readonly Finding[];
  onSelect: (cell: string) => void;
}) {
  const styles = useStyles();
  const all = [...analysis.findings, ...notes];
  if (all.length === 0) return <p>No findings: the plan is complete and consistent.</p>;
  return (
    <section aria-label="Findings">
      {SEVERITY_ORDER.map((severity) => {
        const group = all.filter((f) => f.severity === severity);
        if (group.length === 0) return null;
        return (
          <div key={severity}>
            <h2 className={styles.h2}>
              {HEADINGS[severity]} ({group.length})
            </h2>
            <ul className={styles.list}>
              {group.map((f, i) => (
                <li key={`${f.rule}-${f.cell ?? ''}-${i}`}>
                  {f.cell ? (
                    <button
                      type="button"
                      className={styles.item}
                      onClick={() => onSelect(f.cell ?? 'A1')}
                      aria-label={`${RULE_TITLES[f.rule]}, ${f.id ?? 'sheet'}, cell ${f.cell}: ${f.message} Select to go to the cell.`}
                    >
                      <span className={styles.rule}>
                        {RULE_TITLES[f.rule]}
                        {f.id ? ` \u2013 ${f.id}` : ''} ({f.cell})
                      </span>
                      {f.message}
                    </button>
                  ) : (
                    <div className={styles.item}>
                      <span className={styles.rule}>{RULE_TITLES[f.rule]}</span>
                      {f.message}
                    </div>
                  )}
                </li>
              ))}
            </ul>
          </div>
        );
      })}
    </section>
  );
}
