/**
 * The words generated trackers are written in: header synonyms per column (from src/core/vocabulary/headers.ts
 * and the real corpus), status words per scale and level, and the free text of the rows. Picks are by index
 * modulo the list, so fast-check shrinks every choice towards the first (the most common) word.
 */

/** Columns a generated tracker can have. `revised` is the due-date column beside an `original` one. */
export type Column =
  | 'id'
  | 'subject'
  | 'lead'
  | 'timescale'
  | 'original'
  | 'recommendation'
  | 'progress'
  | 'status'
  | 'priority'
  | 'completed'
  | 'planned'
  | 'actual'
  | 'tickDone'
  | 'tickPartial'
  | 'tickNot'
  | 'tickExcluded';

export type TickColumn = 'tickDone' | 'tickPartial' | 'tickNot' | 'tickExcluded';
export const TICK_COLUMN_NAMES: readonly TickColumn[] = ['tickDone', 'tickPartial', 'tickNot', 'tickExcluded'];

/** The usual order of the columns, left to right. */
export const USUAL_ORDER: readonly Column[] = [
  'id',
  'subject',
  'recommendation',
  'priority',
  'lead',
  'original',
  'timescale',
  'progress',
  'planned',
  'actual',
  'status',
  'tickDone',
  'tickPartial',
  'tickNot',
  'tickExcluded',
  'completed',
];

/** Header words people commonly write (first is the reference appendix's). */
export const COMMON_HEADERS: Readonly<Record<Exclude<Column, 'status' | TickColumn>, readonly string[]>> = {
  id: ['No', 'Ref', 'Rec No', 'Reference', 'Recommendation No.', 'Ref.', 'Para'],
  subject: ['Subject', 'Audit', 'Area', 'Report title', 'Finding', 'Issue'],
  lead: ['Lead', 'Responsible officer', 'Lead officer', 'Owner', 'Action owner', 'Department responsible'],
  timescale: [
    'Timescales',
    'Target date',
    'Due date',
    'Implementation date',
    'Agreed implementation date',
    'Target completion date',
    'Deadline',
  ],
  original: ['Original target date', 'Original date', 'Original implementation date', 'Original deadline'],
  recommendation: ['Recommendation', 'Agreed action', 'Management response', 'Action', 'Agreed management action', 'Recommendations'],
  progress: ['Progress', 'Progress update', 'Comments', 'Update', 'Latest position', 'Action taken to date'],
  priority: ['Priority', 'Risk rating', 'Grade', 'Priority rating'],
  completed: ['Date completed', 'Actual completion date', 'Date implemented', 'Close date'],
  planned: ['Planned days', 'Days planned', 'Budget days'],
  actual: ['Actual days', 'Days used', 'Actual days to date'],
};

/** The due-date header beside an original one: it must say it is the revised date. */
export const REVISED_HEADERS: readonly string[] = [
  'Revised target date',
  'Revised date',
  'Revised implementation date',
  'Current target date',
  'New target date',
];

/** Rarer header words, and common ones in other dress (capitals, a colon, a line break, a question mark). */
export const RARE_HEADERS: Readonly<Record<Exclude<Column, 'status' | TickColumn>, readonly string[]>> = {
  id: ['REF', 'Rec Ref', '#', 'Paragraph', 'Action No', 'Item'],
  subject: ['Topic', 'Theme', 'Audit report', 'Weakness', 'Observation', 'AREA'],
  lead: ['Who by?', 'By whom', 'Officer responsible', 'Responsible\nmanager', 'Directorate', 'Accountable officer'],
  timescale: ['By when', 'TARGET DATE', 'Date due', 'Target\ndate', 'Timetable', 'When'],
  original: ['Original due date', 'Original target completion date', 'Agreed date'],
  recommendation: ['Action required', 'Improvements planned', 'Proposed action', 'What', 'Tasks', 'RECOMMENDATION'],
  progress: ['Commentary', 'Current position', 'Update on progress', 'Notes', 'Progress made', 'Latest update:'],
  priority: ['Significance', 'Risk level', 'Grading', 'Recommendation priority'],
  completed: ['Date completed', 'Actual completion date', 'Date implemented', 'Close date'],
  planned: ['Planned days', 'Days planned', 'Budget days'],
  actual: ['Actual days', 'Days used', 'Actual days to date'],
};

/** Tick-mark status columns (as in the UN Board of Auditors' annexes): the header of each, and the states it stands for. */
export const TICK_COLUMNS: Readonly<Record<TickColumn, { headers: readonly string[]; states: readonly string[] }>> = {
  tickDone: { headers: ['Implemented', 'Complete'], states: ['done'] },
  tickPartial: { headers: ['Under implementation', 'In progress', 'Partially implemented'], states: ['most', 'half', 'little'] },
  tickNot: { headers: ['Not implemented', 'Not started'], states: ['none'] },
  tickExcluded: { headers: ['Overtaken by events', 'Withdrawn', 'Not applicable'], states: ['excluded'] },
};
export const TICKS = ['X', 'x', 'Yes'];
/** Tick symbols rather than letters. */
export const TICK_SYMBOLS = ['\u2713', '\u2714', '\u2611'];
export const DONE_WORDS = ['Done', 'Completed', 'Complete', 'Implemented'];

/** The five generic states of an item, best first, and a withdrawn one. */
export const STATES = ['done', 'most', 'half', 'little', 'none', 'excluded'] as const;
export type State = (typeof STATES)[number];

/** Status values per scale and state (a percent fraction is a number shown in a 0% format). */
export const STATUS_VALUES: Readonly<Record<string, Readonly<Record<State, readonly (string | number)[]>>>> = {
  extentColumn: {
    done: ['Completely', 'Fully met'],
    most: ['Significantly', 'Substantially'],
    half: ['Moderately'],
    little: ['Partially', 'Partly'],
    none: ['Not met'],
    excluded: ['Not applicable', 'Withdrawn'],
  },
  extentPhrases: {
    done: ['completely'],
    most: ['significantly'],
    half: ['moderately'],
    little: ['partially'],
    none: ['not met'],
    excluded: ['not applicable'],
  },
  implementation: {
    done: ['Implemented', 'Complete', 'Completed', 'Closed'],
    most: ['Partially implemented', 'In progress'],
    half: ['In progress', 'Ongoing'],
    little: ['Started', 'Underway'],
    none: ['Not started', 'Outstanding', 'Not implemented'],
    excluded: ['Withdrawn', 'Superseded', 'Not applicable', 'Overtaken by events'],
  },
  rag: {
    done: ['Blue'],
    most: ['Green'],
    half: ['Amber'],
    little: ['Amber'],
    none: ['Red'],
    excluded: ['Grey'],
  },
  percentText: {
    done: ['100%'],
    most: ['75%', '90%'],
    half: ['50%'],
    little: ['25%', '10%'],
    none: ['0%'],
    excluded: ['N/A'],
  },
  percentFraction: {
    done: [1],
    most: [0.75, 0.9],
    half: [0.5],
    little: [0.25, 0.1],
    none: [0],
    excluded: ['N/A'],
  },
  statusWords: {
    done: ['Fully implemented', 'Closed - implemented', 'Final'],
    most: ['Partially implemented'],
    half: ['In progress'],
    little: ['In progress'],
    none: ['Not implemented'],
    excluded: ['Closed - not implemented'],
  },
  auditStages: {
    done: ['Final report issued', 'Final', 'Complete'],
    most: ['Draft report issued', 'Draft report'],
    half: ['Fieldwork', 'Fieldwork in progress'],
    little: ['Planning', 'Scoping'],
    none: ['Not started'],
    excluded: ['Cancelled', 'Deferred to next year'],
  },
  // Lights named by the table's own key (keyedLights): Grey is "yet to be established", not withdrawn;
  // Yellow is "not accepted" (excluded), not Amber. Only the key says so (LIGHT_KEY).
  keyedLights: {
    done: ['Green Light'],
    most: ['Light Green Light'],
    half: ['Orange Light'],
    little: ['Orange Light'],
    none: ['Grey Light', 'Red Light'],
    excluded: ['Yellow Light'],
  },
};

/** A table's own key of lights: each light and what it means, in two phrasings (Parliament of Tasmania's, and plainer). */
export const LIGHT_KEY: readonly (readonly [string, readonly string[]])[] = [
  ['Grey Light', ['Progress towards recommendation yet to be established by Committee', 'Not yet assessed']],
  ['Orange Light', ['Recommendation observed to be underway but awaiting decision to progress', 'Underway, awaiting a decision']],
  ['Green Light', ['Recommendation considered complete - no further action', 'Complete']],
  ['Red Light', ['Recommendation acknowledged but has not commenced', 'Not commenced']],
  ['Light Green Light', ['Recommendation observed to being progressed to completion', 'Being progressed']],
  ['Yellow Light', ['Recommendation not accepted and thus not progressed', 'Not accepted']],
];

/** Labelled-field headers (fieldLabels:dashboard): the reference's label, "Recommendation" only over plain numbers. */
export const FIELD_ID_HEADERS: readonly string[] = ['Recommendation #', 'Rec. #', 'Recommendation No.'];
export const FIELD_LEAD_HEADERS: readonly string[] = ['To'];

/** The status column's header per scale. */
export const STATUS_HEADERS: Readonly<Record<string, readonly string[]>> = {
  extentColumn: ['Recommendation met', 'Extent met', 'Degree met'],
  implementation: ['Status', 'Implementation status', 'Current status'],
  rag: ['RAG', 'RAG status', 'Status'],
  percentText: ['% complete', 'Percent complete'],
  percentFraction: ['% complete', 'Percent complete'],
  statusWords: ['Status', 'Implementation status'],
  auditStages: ['Status', 'Stage', 'Audit status'],
  keyedLights: ['Traffic Light', 'Traffic light status', "Committee's Assessment of Status"],
};

export const LEADS = [
  'Head of Finance',
  'Director of Resources',
  'ICT Manager',
  'Head of HR',
  'Chief Executive',
  'Procurement Manager',
  'J. Smith',
];
export const SUBJECTS = ['Budget monitoring', 'Payroll', 'Information governance', 'Procurement', 'Risk management', 'Asset register'];
export const RECOMMENDATIONS = [
  'Reconcile the ledger to the bank each month and record the review.',
  'Update the contract procedure rules and train budget holders in them.',
  'Review user access to the payroll system every quarter.',
  'Publish the risk register and report it to the committee twice a year.',
  'Record every asset with its location and custodian.',
  'Agree a timetable for the business continuity plan test.',
];
export const PROGRESS = [
  'Work has begun and a draft is with the service for comment.',
  'The procedure has been revised; training sessions are being arranged.',
  'A report went to the management team and actions were agreed.',
  'Officers are reviewing the options before a decision is taken.',
  'The system change is being tested with the supplier.',
];
/**
 * Progress notes with the date of a past event in them ({d}: a day, {m}: a month and year), in the wording of the
 * real corpus's notes ("In September 2010 the governor approved ...", "Training delivered 12/09/2023").
 */
export const DATED_PROGRESS = [
  'The draft policy went to the Audit Committee on {d}; comments are being taken in.',
  'In {m} the service confirmed the new procedure and training is being arranged.',
  'Update: the first monthly reconciliation was reviewed on {d}.',
  'Met the supplier on {d} to agree the system change; testing follows.',
  'A paper went to the management team in {m} and actions were agreed.',
];
/** A timescale that says it moved, as the Isle of Wight and Waverley plans write it ({d}: the target now, {o}: the original). */
export const REVISED_IN_TEXT = ['{d} (revised from {o})', '{d} (originally {o})', 'Revised to {d} (was {o})'];
/** Text of a row that carries on the progress note of the item above. */
export const CONTINUATIONS = ['(continued) Further testing is planned with the service.', 'Follow-up meeting arranged with the supplier.'];
export const SECTION_NAMES = ['Governance', 'Financial controls', 'Information technology', 'Procurement and contracts'];
export const UNDATED = ['Ongoing', 'TBC', 'Dependent on the restructure', 'To be agreed'];
export const PRIORITY_WORDS = ['High', 'Medium', 'Low'];
export const PRIORITY_NUMBERS = ['Priority 1', 'Priority 2', 'Priority 3'];

/** A pick from a list by any non-negative index (so shrinking goes to the first word). */
export function pick<T>(list: readonly T[], index: number): T {
  const value = list[index % list.length];
  if (value === undefined) throw new Error('pick from an empty list');
  return value;
}
