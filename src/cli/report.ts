import { formatLong, fromIso } from '../core/dates';
import { RULE_TITLES, SEVERITY_ORDER } from '../core/findings';
import { ITEM_STATES } from '../core/itemStates';
import type { Analysis, Finding, GroupStats, Role } from '../core/types';
import { ROLES } from '../core/types';

const pct = (x: number | null) => (x === null ? 'n/a' : `${Math.round(x * 100)}%`);
const SOURCE = {
  option: 'chosen with --as-at',
  sheet: 'from the sheet',
  assumed: "today's date, assumed: no as-at date on the sheet",
} as const;
const HEADINGS = { error: 'Errors', warning: 'Warnings', info: 'Notes' } as const;

/** The check report for people: headline figures, then findings grouped by severity. */
export function humanReport(analysis: Analysis, extra: readonly Finding[] = []): string {
  const { stats, table } = analysis;
  const asAt = fromIso(analysis.asAt);
  const lines: string[] = [];
  if (!table)
    return `${analysis.findings.find((f) => f.rule === 'TABLE_NOT_FOUND')?.message ?? `No action-plan table found on "${analysis.sheet}".`}\n`;
  lines.push(
    `Action plan check: "${analysis.sheet}" ${table.firstColumn}${table.headerRow}:${table.lastColumn}${table.lastRow}, ${stats.total} recommendations, as at ${asAt === null ? analysis.asAt : formatLong(asAt)} (${SOURCE[analysis.asAtSource]})`,
  );
  const counted = stats.total - stats.excluded;
  const parts = [
    `Complete ${stats.complete} of ${counted} (${pct(counted > 0 ? stats.completionRate : null)})`,
    stats.excluded > 0 ? `not counted ${stats.excluded}` : null,
    stats.weightedScore !== null ? `weighted score ${pct(stats.weightedScore)}` : null,
    `overdue ${stats.overdue}`,
    `due soon ${stats.dueSoon}`,
    `not rated ${stats.unrated}`,
    stats.slipped > 0
      ? `slipped ${stats.slipped} (median ${stats.medianSlippage ?? 0} days), past their original date ${stats.pastOriginal}`
      : null,
    stats.recordsStatutory ? `statutory complete ${stats.statutory.complete} of ${stats.statutory.total - stats.statutory.excluded}` : null,
  ];
  lines.push(`  ${parts.filter((p) => p !== null).join(', ')}`);
  const states = ITEM_STATES.filter((s) => stats.byState[s] > 0).map((s) => `${s} ${stats.byState[s]}`);
  lines.push(`  Status column: ${states.join(', ') || 'no recommendations'}`);
  lines.push(
    `  ${analysis.scaleLabel}: ${[...stats.levels.map((l) => `${l.label.toLowerCase()} ${l.count}`), `not rated ${stats.unrated}`].join(', ')}`,
  );
  if (stats.byPriority.length > 0)
    lines.push(`  By priority: ${stats.byPriority.map((p) => `${p.priority} ${p.total} (overdue ${p.overdue})`).join(', ')}`);
  const findings = [...analysis.findings, ...extra];
  for (const severity of SEVERITY_ORDER) {
    const group = findings.filter((f) => f.severity === severity);
    lines.push('', `${HEADINGS[severity]} (${group.length})`);
    for (const f of group) lines.push(`  ${(f.cell ?? '').padEnd(6)} ${RULE_TITLES[f.rule]}: ${f.message}`);
  }
  return `${lines.join('\n')}\n`;
}

/** A group's figures in the JSON (statutory, non-statutory): each counts items, on the bases SPEC S1 gives. */
function groupJson(g: GroupStats): Record<string, unknown> {
  return {
    total: g.total,
    complete: g.complete,
    completely: g.completely,
    excluded: g.excluded,
    completionRate: g.completionRate,
    overdue: g.overdue,
    dueSoon: g.dueSoon,
    unrated: g.unrated,
    byState: g.byState,
  };
}

/** The table's place, columns and scale, for `check --json`. */
function tableJson(table: Analysis['table']): unknown {
  if (!table) return null;
  return {
    headerRow: table.headerRow,
    firstRow: table.firstRow,
    lastRow: table.lastRow,
    columns: { ...Object.fromEntries(ROLES.map((r: Role) => [r, table.columns[r]])), statusTicks: table.statusTicks },
    scale: table.scale,
  };
}

/** The completion statistics, for `check --json`. */
function statsJson(stats: Analysis['stats']): unknown {
  return {
    total: stats.total,
    rated: stats.rated,
    unrated: stats.unrated,
    overdue: stats.overdue,
    dueSoon: stats.dueSoon,
    complete: stats.complete,
    excluded: stats.excluded,
    slipped: stats.slipped,
    pastOriginal: stats.pastOriginal,
    medianSlippage: stats.medianSlippage,
    completionRate: stats.completionRate,
    weightedScore: stats.weightedScore,
    completely: stats.completely,
    byState: stats.byState,
    byRating: stats.byRating,
    byLevel: stats.byLevel,
    byPriority: stats.byPriority,
    recordsStatutory: stats.recordsStatutory,
    statutory: groupJson(stats.statutory),
    nonStatutory: groupJson(stats.nonStatutory),
    byLead: stats.byLead,
    ageing: stats.ageing,
  };
}

/** One recommendation, for `check --json`. */
function recommendationJson(r: Analysis['recommendations'][number]): unknown {
  return {
    id: r.id,
    row: r.row,
    section: r.section,
    statutory: r.statutory,
    lead: r.lead,
    rating: r.rating,
    level: r.level,
    state: r.state,
    complete: r.complete,
    excluded: r.excluded,
    priority: r.priority,
    originalDue: r.originalDue,
    revisions: r.revisions,
    slippedDays: r.slippedDays,
    timescale: r.timescale,
    overdue: r.overdue,
    daysOverdue: r.daysOverdue,
    dueSoon: r.dueSoon,
    daysToDue: r.daysToDue,
    checks: r.checks,
  };
}

/** The `check --json` contract: add fields freely, never rename these. */
export function jsonReport(analysis: Analysis, extra: Record<string, unknown> = {}): unknown {
  return {
    sheet: analysis.sheet,
    table: tableJson(analysis.table),
    asAt: analysis.asAt,
    asAtSource: analysis.asAtSource,
    asAtPlace: analysis.asAtPlace ?? null,
    documentDate: analysis.documentDate,
    stats: statsJson(analysis.stats),
    blocks: analysis.blocks,
    recommendations: analysis.recommendations.map(recommendationJson),
    findings: analysis.findings,
    ...extra,
  };
}
