import type { RunMovement } from './figures/keptMovement';
import type { PlanSnapshot } from './figures/movement';
import type { HeaderChoices } from './read/headerChoices';
import type { AnalyseOptions, Analysis, Finding, FiscalYear, RatingScale, Role, ScaleName, SheetSnapshot } from './types';

/** Settings that travel with the workbook. */
export interface WorkbookSettings {
  /** As-at date chosen by the user (`YYYY-MM-DD`). */
  readonly asAt?: string;
  /** Column letters chosen per role. */
  readonly columns?: Partial<Record<Role, string>>;
  /** 1-based header row chosen by the user. */
  readonly headerRow?: number;
  /** 1-based number of the table to read, where the sheet holds several (T2). */
  readonly block?: number;
  readonly ratingScale?: RatingScale;
  /** A built-in status scale chosen by the user; without it the table's scale is detected. */
  readonly scale?: Exclude<ScaleName, 'custom'>;
  /** Whether the status column is written (default true). */
  readonly statusColumn?: boolean;
  /** The body's financial year, for "FY2025" and "Q3 FY2025"; without it, told from the sheet (T6). */
  readonly fiscalYear?: FiscalYear;
}

/** Which parts of the everyday job to do. */
export interface RunParts {
  readonly format: boolean;
  readonly summary: boolean;
}

/**
 * How a run can be taken back: "one-step" when the host merged it into one undo step (ExcelApi 1.20, and no
 * sheet was added on desktop Excel, which clears the undo history); otherwise "history" (undoWords says what the host offers).
 */
export type UndoStory = 'one-step' | 'history';

/** Where a run happened, for how to take it back: the keys differ on a Mac, version history needs the cloud. */
export interface UndoPlace {
  readonly story: UndoStory;
  /** Excel for Mac: ⌘Z, not Ctrl+Z. */
  readonly mac: boolean;
  /** The file lives on OneDrive or SharePoint (an https document URL): only then has it a version history. */
  readonly cloud: boolean;
  /** The run kept this return in the workbook (M2.6): custom XML parts are outside undo (office-js #6415). */
  readonly keptReturn: boolean;
}

/** How to take a run back, in the host's own terms and no more than it can do (issue 20.2, 20.10). */
export function undoWords(place: UndoPlace): string {
  const keys = place.mac ? '\u2318Z' : 'Ctrl+Z';
  if (place.story === 'one-step') {
    // The kept return is outside undo; a re-run at the same as-at date replaces it, so it never misleads.
    const kept = place.keptReturn ? ' (the return kept for comparison stays until the next run replaces it)' : '';
    return `${keys} undoes it in one step${kept}.`;
  }
  return place.cloud
    ? 'Excel cannot undo all of it in one step. To go back, use File > Info > Version History; running it again is always safe.'
    : 'Excel cannot undo all of it in one step. Running it again is always safe; to be able to go back, keep a copy before a run.';
}

/** What of ours a workbook already holds: our highlight rules on the sheet, our summary sheet. */
export interface OurMarks {
  readonly formatted: boolean;
  /** The name of our summary sheet, or null when there is none. */
  readonly summary: string | null;
}

/** What a run did, in words a user can read, and what it found. */
export interface RunResult {
  readonly analysis: Analysis;
  /** Things written, in plain words (describeWritten): "Formatted the table A5:G18 on ...", "Added the summary sheet ...". */
  readonly applied: readonly string[];
  /** Findings about the run itself (STATUS_COLUMN_MOVED). */
  readonly notes: readonly Finding[];
  readonly summarySheet: string | null;
  /**
   * Movement since the previous kept return (SPEC, M2.6), for runs that write the summary sheet on a host that
   * keeps snapshots in the workbook; absent otherwise.
   */
  readonly movement?: RunMovement;
  /** This return's snapshot (SPEC, M2.1), when a table was found: what a previous version's file is compared with. */
  readonly planSnapshot?: PlanSnapshot;
  /** From a check: what "Check, format and summarise" would change (describePlan), empty without a table. */
  readonly preview?: readonly string[];
  /** From a check: what of ours the workbook holds already. */
  readonly marks?: OurMarks;
  /** After a write: how to take it back. */
  readonly undo?: UndoStory;
  /** After a write: how to take it back, in the host's words (undoWords). */
  readonly undoWords?: string;
  /** The header row's cells with sample values (the table's, else the likely header row), for choosing columns by picking. */
  readonly header?: HeaderChoices | null;
}

/** The active cell: its sheet, A1 address, 1-based row and column letter. */
export interface CellSelection {
  readonly sheet: string;
  readonly address: string;
  readonly row: number;
  readonly column: string;
}

/** What the task pane needs from a host: the Excel adapter in Excel, a fake in tests. */
export interface PlanHost {
  /** Reads the active sheet (or `sheet`) and analyses it; writes nothing. */
  check(settings: WorkbookSettings, sheet?: string): Promise<RunResult>;
  /** Checks, then formats and/or writes the summary sheet as `parts` says. */
  run(settings: WorkbookSettings, parts: RunParts, sheet?: string): Promise<RunResult>;
  /** Selects a cell (activating its sheet), for "go to finding". */
  select(sheet: string, cell: string): Promise<void>;
  loadSettings(): Promise<WorkbookSettings>;
  saveSettings(settings: WorkbookSettings): Promise<void>;
  /** The active cell (where the user clicked in the sheet), or null when there is none (a chart sheet is active). */
  selection(): Promise<CellSelection | null>;
  /** Calls back when the user changes a sheet; returns a function that stops listening. */
  onChange(callback: () => void): Promise<() => void>;
}

/** Runs the core's analysis somewhere: in the same thread, or in a worker so a large sheet never blocks the pane. */
export type Analyser = (snapshot: SheetSnapshot, options: AnalyseOptions) => Promise<Analysis>;
