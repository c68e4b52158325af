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
import { FINDINGS_HEADING } from './JumpLinks';
import { ViewTabs } from './ViewTabs';
import { VirtualList } from './VirtualList';

/** First guesses at row heights in pixels (a header; a finding of two or three lines), until a row is drawn and measured. */
const GROUP_ROW = 44;
const FINDING_ROW = 92;

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  h2: { fontSize: tokens.fontSizeBase400, margin: `${tokens.spacingVerticalS} 0 0` },
  h3: { margin: 0, paddingBottom: '4px', fontSize: tokens.fontSizeBase300 },
  toggle: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    width: '100%',
    minHeight: '40px',
    textAlign: 'left',
    font: 'inherit',
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForeground1,
    backgroundColor: tokens.colorNeutralBackground2,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    cursor: 'pointer',
    overflowWrap: 'anywhere',
    ':hover': { backgroundColor: tokens.colorNeutralBackground2Hover },
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: '-2px' },
  },
  chevron: {
    display: 'inline-block',
    width: '1em',
    flexShrink: 0,
    transitionProperty: 'transform',
    transitionDuration: tokens.durationFast,
  },
  open: { transform: 'rotate(90deg)' },
  cell: { paddingBottom: '4px' },
  item: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    width: '100%',
    textAlign: 'left',
    font: 'inherit',
    color: tokens.colorNeutralForeground1,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    cursor: 'pointer',
    // Long words (a URL, a reference with no spaces) wrap rather than widen the 350-pixel pane.
    overflowWrap: 'anywhere',
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: '-2px' },
  },
  plain: { cursor: 'default', ':hover': { backgroundColor: tokens.colorNeutralBackground1 } },
  current: { border: `${tokens.strokeWidthThick} solid ${tokens.colorBrandStroke1}` },
  label: { fontWeight: tokens.fontWeightSemibold },
  lead: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  message: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground1, lineHeight: tokens.lineHeightBase200 },
  walk: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  where: { margin: 0, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground1 },
  detail: { flexBasis: '100%' },
});

const VIEWS: readonly FindingsView[] = ['rule', 'recommendation'];
const estimate = (row: FindingRow) => (row.kind === 'group' ? GROUP_ROW : FINDING_ROW);
const keyOf = (row: FindingRow): unknown => (row.kind === 'group' ? row.group.key : row.finding);

/**
 * One finding, in full (never cut to a line): its label, the lead officer where the row names one, then the message
 * with its days overdue and advice. A button when it has a cell, its visible text its accessible name.
 */
function FindingItem(props: { f: Finding; lead: string | null; view: FindingsView; current: boolean; onSelect: (f: Finding) => void }) {
  const styles = useStyles();
  const text = (
    <>
      <span className={styles.label}>{itemLabel(props.f, props.view)}:</span>{' '}
      {props.lead ? <span className={styles.lead}>Lead: {props.lead}.</span> : null}{' '}
      <span className={styles.message}>{props.f.message}</span>
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

/** A group's header: a button that opens or closes it, with its caption and count. */
function GroupHeader({ row, view, toggle }: { row: FindingRow & { kind: 'group' }; view: FindingsView; toggle: (key: string) => void }) {
  const styles = useStyles();
  return (
    <h3 className={styles.h3}>
      <button type="button" className={styles.toggle} aria-expanded={row.expanded} onClick={() => toggle(row.group.key)}>
        <span aria-hidden="true" className={mergeClasses(styles.chevron, row.expanded && styles.open)}>
          {'\u203A'}
        </span>
        <span>{groupCaption(row.group, view)}</span>
      </button>
    </h3>
  );
}

/** Previous/Next through the findings' cells in sheet order, with where the walk is and the current finding's message. */
function WalkBar({ walk, at, go }: { walk: readonly Finding[]; at: number; go: (i: number) => void }) {
  const styles = useStyles();
  const current = walk[at] ?? null;
  return (
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
  );
}

/** The findings and notes in walk order and in the view's groups, with each group's open/closed state and the rows shown. */
function useFindingGroups(analysis: Analysis, notes: readonly Finding[], view: FindingsView) {
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
  const leads = useMemo(() => new Map(analysis.recommendations.map((r) => [r.row, r.lead])), [analysis]);
  return { all, walk, walkIndex, groups, expanded, toggle, rows, leads };
}

/** Where the Previous/Next walk is, and the step that opens a finding's group, scrolls to it and selects its cell. */
function useWalk(found: ReturnType<typeof useFindingGroups>, view: FindingsView, onSelect: (cell: string) => void) {
  const { walk, groups, expanded, toggle } = found;
  const [at, setAt] = useState(-1);
  const [reveal, setReveal] = useState<{ index: number; nonce: number } | null>(null);
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
  return { at, setAt, current: walk[at] ?? null, reveal, go };
}

const GROUPINGS = [
  { value: 'rule', label: 'By rule' },
  { value: 'recommendation', label: 'By recommendation' },
] as const;

/**
 * Findings grouped by rule (with counts, so a thousand "Not rated" findings are one header) or by recommendation,
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
  const found = useFindingGroups(analysis, notes, view);
  const { all, walk, walkIndex, toggle, rows, leads } = found;
  const { at, setAt, current, reveal, go } = useWalk(found, view, onSelect);

  if (all.length === 0) return <p>No findings: the plan is complete and consistent.</p>;
  const severities = severityCounts(all);
  const render = (row: FindingRow) =>
    row.kind === 'group' ? (
      <GroupHeader row={row} view={view} toggle={toggle} />
    ) : (
      <div className={styles.cell}>
        <FindingItem
          f={row.finding}
          lead={row.finding.row === null ? null : leads.get(row.finding.row) || null}
          view={view}
          current={row.finding === current}
          onSelect={(f) => {
            setAt(walkIndex.get(f) ?? -1);
            onSelect(f.cell ?? 'A1');
          }}
        />
      </div>
    );
  return (
    <section aria-labelledby={FINDINGS_HEADING} className={styles.root}>
      <h2 id={FINDINGS_HEADING} tabIndex={-1} className={styles.h2}>
        Findings: {plural(severities.error, 'error')}, {plural(severities.warning, 'warning')}, {plural(severities.info, 'note')}
      </h2>
      <ViewTabs label="Group findings" tabs={GROUPINGS} value={view} onChange={setView} />
      {walk.length > 0 ? <WalkBar walk={walk} at={at} go={go} /> : null}
      {VIEWS.map((v) => (
        <div key={v} role="tabpanel" id={`panel-${v}`} aria-labelledby={`tab-${v}`} hidden={v !== view}>
          {v === view ? (
            <VirtualList
              rows={rows}
              estimate={estimate}
              keyOf={keyOf}
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
