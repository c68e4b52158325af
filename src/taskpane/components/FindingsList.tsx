import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import type { Analysis, Finding } from '../../core/types';
import { groupByRecommendation, groupByRule, findingLabel, walkOrder, type FindingGroup, type FindingsView } from '../findingGroups';
import { count, plural, severityCounts } from '../headline';
import { ViewTabs } from './ViewTabs';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
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
  current: { border: `${tokens.strokeWidthThick} solid ${tokens.colorBrandStroke1}` },
  rule: { fontWeight: tokens.fontWeightSemibold },
  h2: { fontSize: tokens.fontSizeBase400, margin: `${tokens.spacingVerticalS} 0 0` },
  h3: { fontSize: tokens.fontSizeBase300, margin: `${tokens.spacingVerticalS} 0 ${tokens.spacingVerticalXS}` },
  walk: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  where: { margin: 0, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
});

/** Items shown in a collapsed group, and how many more each "Show more" adds (pages keep 10,000 findings fast). */
const FIRST = 3;
const PAGE = 50;
const VIEWS: readonly FindingsView[] = ['rule', 'recommendation'];

/** One finding: a button when it has a cell (its visible text is its accessible name), plain text otherwise. */
function FindingItem({ f, current, onSelect }: { f: Finding; current: boolean; onSelect: (f: Finding) => void }) {
  const styles = useStyles();
  const text = (
    <>
      <span className={styles.rule}>{findingLabel(f)}:</span> {f.message}
    </>
  );
  if (!f.cell) return <div className={styles.item}>{text}</div>;
  return (
    <button
      type="button"
      className={`${styles.item} ${current ? styles.current : ''}`}
      aria-current={current ? 'true' : undefined}
      onClick={() => onSelect(f)}
    >
      {text}
    </button>
  );
}

/** A group with a count in its heading, collapsed beyond its first few items, then shown a page at a time. */
function Group({ group, current, onSelect }: { group: FindingGroup; current: Finding | null; onSelect: (f: Finding) => void }) {
  const styles = useStyles();
  const [shown, setShown] = useState(FIRST);
  const total = group.items.length;
  return (
    <div>
      <h3 className={styles.h3}>
        {group.title} ({count(total)})
      </h3>
      <ul className={styles.list}>
        {group.items.slice(0, shown).map((f, i) => (
          <li key={i}>
            <FindingItem f={f} current={f === current} onSelect={onSelect} />
          </li>
        ))}
      </ul>
      {shown < total ? (
        <Button appearance="subtle" size="small" onClick={() => setShown(shown === FIRST ? Math.min(total, PAGE) : shown + PAGE)}>
          {shown === FIRST
            ? `Show all ${count(total)}`
            : `Show ${count(Math.min(PAGE, total - shown))} more (${count(shown)} of ${count(total)} shown)`}
        </Button>
      ) : null}
    </div>
  );
}

/** Findings grouped by rule or by recommendation, with Previous/Next to walk their cells in sheet order. */
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
  const [view, setView] = useState<FindingsView>('rule');
  const [at, setAt] = useState(-1);
  const all = useMemo(() => [...analysis.findings, ...notes], [analysis, notes]);
  const walk = useMemo(() => walkOrder(all), [all]);
  const groups = useMemo(() => (view === 'rule' ? groupByRule(all) : groupByRecommendation(all)), [all, view]);
  if (all.length === 0) return <p>No findings: the plan is complete and consistent.</p>;
  const current = walk[at] ?? null;
  const go = (i: number) => {
    const f = walk[i];
    if (!f?.cell) return;
    setAt(i);
    onSelect(f.cell);
  };
  const severities = severityCounts(all);
  return (
    <section aria-labelledby="findings-heading" className={styles.root}>
      <h2 id="findings-heading" className={styles.h2}>
        Findings: {plural(severities.error, 'error')}, {plural(severities.warning, 'warning')}, {plural(severities.info, 'note')}
      </h2>
      <ViewTabs
        label="Group findings"
        tabs={[
          { value: 'rule', label: 'By rule' },
          { value: 'recommendation', label: 'By recommendation' },
        ]}
        value={view}
        onChange={setView}
      />
      {walk.length > 0 ? (
        <div className={styles.walk}>
          <Button size="small" disabled={at <= 0} onClick={() => go(at - 1)}>
            Previous
          </Button>
          <Button size="small" disabled={at >= walk.length - 1} onClick={() => go(at + 1)}>
            Next
          </Button>
          <p className={styles.where}>
            {current ? `${count(at + 1)} of ${count(walk.length)}: ${findingLabel(current)}` : `${count(walk.length)} cells to visit`}
          </p>
        </div>
      ) : null}
      {VIEWS.map((v) => (
        <div key={v} role="tabpanel" id={`panel-${v}`} aria-labelledby={`tab-${v}`} hidden={v !== view}>
          {v === view
            ? groups.map((g) => (
                <Group
                  key={`${view}-${g.key}`}
                  group={g}
                  current={current}
                  onSelect={(f) => {
                    setAt(walk.indexOf(f));
                    onSelect(f.cell ?? 'A1');
                  }}
                />
              ))
            : null}
        </div>
      ))}
    </section>
  );
}
