import { Button, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useCallback, useMemo, useState } from 'react';
import type { Analysis, Finding } from '../../core/types';
import {
  findingLabel,
  flattenGroups,
  groupByRecommendation,
  groupByRule,
  groupCaption,
  groupKeyOf,
  initiallyExpanded,
  itemLabel,
  walkOrder,
  type FindingRow,
  type FindingsView,
} from '../findingGroups';
import { count, plural, severityCounts } from '../headline';
import { ViewTabs } from './ViewTabs';
import { VirtualList } from './VirtualList';

/** Row heights in pixels: the windowed list places rows by these, so the styles below must fit inside them. */
const GROUP_ROW = 52;
const FINDING_ROW = 52;

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  h2: { fontSize: tokens.fontSizeBase400, margin: `${tokens.spacingVerticalS} 0 0` },
  h3: { margin: 0, fontSize: tokens.fontSizeBase300, height: '100%' },
  toggle: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    width: '100%',
    height: `${GROUP_ROW - 4}px`,
    textAlign: 'left',
    font: 'inherit',
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForeground1,
    backgroundColor: tokens.colorNeutralBackground2,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: `0 ${tokens.spacingHorizontalS}`,
    cursor: 'pointer',
    ':hover': { backgroundColor: tokens.colorNeutralBackground2Hover },
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: '-2px' },
  },
  caption: {
    display: '-webkit-box',
    WebkitLineClamp: 2,
    WebkitBoxOrient: 'vertical',
    overflow: 'hidden',
    lineHeight: tokens.lineHeightBase300,
  },
  chevron: {
    display: 'inline-block',
    width: '1em',
    flexShrink: 0,
    transitionProperty: 'transform',
    transitionDuration: tokens.durationFast,
  },
  open: { transform: 'rotate(90deg)' },
  item: {
    display: 'flex',
    flexDirection: 'column',
    justifyContent: 'center',
    width: '100%',
    height: `${FINDING_ROW - 4}px`,
    textAlign: 'left',
    font: 'inherit',
    color: tokens.colorNeutralForeground1,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: `0 ${tokens.spacingHorizontalS}`,
    cursor: 'pointer',
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: '-2px' },
  },
  plain: { cursor: 'default', ':hover': { backgroundColor: tokens.colorNeutralBackground1 } },
  current: { border: `${tokens.strokeWidthThick} solid ${tokens.colorBrandStroke1}` },
  line: { display: 'block', maxWidth: '100%', overflow: 'hidden', whiteSpace: 'nowrap', textOverflow: 'ellipsis' },
  label: { fontWeight: tokens.fontWeightSemibold },
  message: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  walk: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  where: { margin: 0, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground1 },
  detail: { flexBasis: '100%' },
});

const VIEWS: readonly FindingsView[] = ['rule', 'recommendation'];
const heightOf = (row: FindingRow) => (row.kind === 'group' ? GROUP_ROW : FINDING_ROW);

/** One finding: a button when it has a cell, its visible text (label, then the message) its accessible name. */
function FindingItem(props: { f: Finding; view: FindingsView; current: boolean; onSelect: (f: Finding) => void }) {
  const styles = useStyles();
  const text = (
    <>
      <span className={mergeClasses(styles.line, styles.label)}>{itemLabel(props.f, props.view)}:</span>{' '}
      <span className={mergeClasses(styles.line, styles.message)}>{props.f.message}</span>
    </>
  );
  if (!props.f.cell) return <div className={mergeClasses(styles.item, styles.plain)}>{text}</div>;
  return (
    <button
      type="button"
      className={mergeClasses(styles.item, props.current && styles.current)}
      aria-current={props.current ? 'true' : undefined}
      onClick={() => props.onSelect(props.f)}
    >
      {text}
    </button>
  );
}

/** The open/closed state of the groups in one view, opening the first few short ones at first. */
function useExpanded(groups: ReturnType<typeof groupByRule>) {
  const [expanded, setExpanded] = useState<Set<string>>(() => initiallyExpanded(groups));
  const toggle = useCallback(
    (key: string, open?: boolean) =>
      setExpanded((was) => {
        const next = new Set(was);
        if (open ?? !was.has(key)) next.add(key);
        else next.delete(key);
        return next;
      }),
    [],
  );
  return { expanded, toggle };
}

/**
 * Findings grouped by rule (with counts, so a thousand "Unrated" findings are one header) or by recommendation,
 * in a windowed list, with Previous/Next to walk their cells in sheet order as Excel's Error Checking does.
 */
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
  const [reveal, setReveal] = useState<{ index: number; nonce: number } | null>(null);
  const all = useMemo(() => [...analysis.findings, ...notes], [analysis, notes]);
  const walk = useMemo(() => walkOrder(all), [all]);
  const walkIndex = useMemo(() => new Map(walk.map((f, i) => [f, i])), [walk]);
  const byRule = useMemo(() => groupByRule(all), [all]);
  const byRecommendation = useMemo(() => groupByRecommendation(all), [all]);
  const ruleState = useExpanded(byRule);
  const recommendationState = useExpanded(byRecommendation);
  const groups = view === 'rule' ? byRule : byRecommendation;
  const { expanded, toggle } = view === 'rule' ? ruleState : recommendationState;
  const rows = useMemo(() => flattenGroups(groups, expanded), [groups, expanded]);
  const current = walk[at] ?? null;

  /** Opens the finding's group and scrolls its row into view (after the rows that opening adds exist). */
  const show = (f: Finding) => {
    const key = groupKeyOf(f, view);
    const open = expanded.has(key) ? expanded : new Set(expanded).add(key);
    const index = flattenGroups(groups, open).findIndex((r) => r.kind === 'finding' && r.finding === f);
    if (!expanded.has(key)) toggle(key, true);
    setReveal((r) => ({ index, nonce: (r?.nonce ?? 0) + 1 }));
  };
  const go = (i: number) => {
    const f = walk[i];
    if (!f?.cell) return;
    setAt(i);
    show(f);
    onSelect(f.cell);
  };

  if (all.length === 0) return <p>No findings: the plan is complete and consistent.</p>;
  const severities = severityCounts(all);
  const render = (row: FindingRow) =>
    row.kind === 'group' ? (
      <h3 className={styles.h3}>
        <button type="button" className={styles.toggle} aria-expanded={row.expanded} onClick={() => toggle(row.group.key)}>
          <span aria-hidden="true" className={mergeClasses(styles.chevron, row.expanded && styles.open)}>
            {'\u203A'}
          </span>
          <span className={styles.caption}>{groupCaption(row.group, view)}</span>
        </button>
      </h3>
    ) : (
      <FindingItem
        f={row.finding}
        view={view}
        current={row.finding === current}
        onSelect={(f) => {
          setAt(walkIndex.get(f) ?? -1);
          onSelect(f.cell ?? 'A1');
        }}
      />
    );
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
          <p className={styles.where} aria-live="polite">
            {current ? `${count(at + 1)} of ${count(walk.length)}: ${findingLabel(current)}` : `${count(walk.length)} cells to visit`}
          </p>
          {current ? <p className={mergeClasses(styles.where, styles.detail)}>{current.message}</p> : null}
        </div>
      ) : null}
      {VIEWS.map((v) => (
        <div key={v} role="tabpanel" id={`panel-${v}`} aria-labelledby={`tab-${v}`} hidden={v !== view}>
          {v === view ? (
            <VirtualList
              rows={rows}
              heightOf={heightOf}
              render={render}
              label={v === 'rule' ? 'Findings by rule' : 'Findings by recommendation'}
              maxHeight="60vh"
              reveal={reveal}
            />
          ) : null}
        </div>
      ))}
    </section>
  );
}
