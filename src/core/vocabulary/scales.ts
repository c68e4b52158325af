import type { RatingLevel, StatusScale } from '../types';

/**
 * The status scales people write, as data: a new dialect is an entry here and a test, not a branch.
 * Levels are best first. `complete` levels count as done; `excluded` levels are left out of completion
 * (withdrawn, not applicable, overtaken by events); `onTrack` levels are not complete but do not contradict
 * completion evidence elsewhere in the row (a Green item whose update says "Complete").
 */

/** Words that take an item out of the completion figures, whatever the scale. */
export const EXCLUDED_WORDS: readonly string[] = [
  'not applicable',
  'n a',
  'na',
  'overtaken by events',
  'superseded',
  'withdrawn',
  'no longer relevant',
  'not agreed',
  'not accepted',
  // The body declines the recommendation (California State Auditor): not agreed, so not counted.
  'will not implement',
  'will not be implemented',
  'rejected',
  'risk accepted',
  'cancelled',
  'obsolete',
  // Closed without being implemented: management accepted the risk, so the item is neither done nor pursued.
  'closed not implemented',
  'closed not actioned',
  'closed risk accepted',
  'closed without implementation',
  'closed unimplemented',
  // A plan of audits: an audit moved out of this year's plan.
  'deferred to next year',
  'deferred to next year s plan',
  'removed from plan',
  'removed from the plan',
  'carried forward to next year',
];

const excludedLevel = (label = 'Not applicable'): RatingLevel => ({
  key: 'excluded',
  label,
  weight: null,
  excluded: true,
  synonyms: EXCLUDED_WORDS,
});

/** The reference appendix's "Recommendation met: completely / significantly / ..." (extent met). */
export const EXTENT_SCALE: StatusScale = {
  name: 'extent',
  label: 'Recommendation met',
  levels: [
    {
      key: 'completely',
      label: 'Completely',
      weight: 1,
      complete: true,
      synonyms: ['completely', 'complete', 'fully', 'in full', 'fully met'],
    },
    { key: 'significantly', label: 'Significantly', weight: 0.75, synonyms: ['significantly', 'substantially', 'largely'] },
    { key: 'moderately', label: 'Moderately', weight: 0.5, synonyms: ['moderately'] },
    { key: 'partially', label: 'Partially', weight: 0.25, synonyms: ['partially', 'partly', 'in part'] },
    { key: 'notMet', label: 'Not met', weight: 0, synonyms: ['not met', 'not at all', 'none', 'no'] },
    excludedLevel(),
  ],
};

/** Implementation status: Implemented / In progress / Not started, closure requested, excluded. */
export const IMPLEMENTATION_SCALE: StatusScale = {
  name: 'implementation',
  label: 'Implementation status',
  levels: [
    {
      key: 'implemented',
      label: 'Implemented',
      weight: null,
      complete: true,
      synonyms: [
        'implemented',
        'fully implemented',
        'complete',
        'completed',
        'closed',
        'done',
        'achieved',
        'actioned',
        'resolved',
        'finished',
        'delivered',
        'verified',
        'implemented and verified',
        'closed implemented',
        'closed complete',
        'closed completed',
        // A plan of audits: the final report is the audit done.
        'final',
        'final report',
        'final report issued',
        'report issued',
        'issued',
      ],
    },
    {
      key: 'closureRequested',
      label: 'Closure requested',
      weight: null,
      synonyms: [
        'closure requested',
        'awaiting verification',
        'pending verification',
        'awaiting closure',
        'proposed for closure',
        'recommended for closure',
        'implemented awaiting verification',
        'implemented pending verification',
        'complete awaiting verification',
        'completed awaiting verification',
        'ready for closure',
        'for closure',
      ],
    },
    {
      key: 'inProgress',
      label: 'In progress',
      weight: null,
      synonyms: [
        'partially implemented',
        'partly implemented',
        'under implementation',
        'being implemented',
        'in progress',
        'in process',
        'in hand',
        'ongoing',
        'on going',
        'started',
        'on track',
        'underway',
        'under way',
        'progressing',
        'work in progress',
        'wip',
        'in process not due',
        'not yet due',
        // A plan of audits: the stages of an audit under way.
        'planning',
        'in planning',
        'scoping',
        'terms of reference',
        'terms of reference issued',
        'fieldwork',
        'fieldwork in progress',
        'fieldwork complete',
        'fieldwork completed',
        'draft',
        'draft report',
        'draft report issued',
        'draft issued',
        'reporting',
      ],
    },
    {
      key: 'notStarted',
      label: 'Not started',
      weight: null,
      synonyms: [
        'not implemented',
        'not started',
        'not yet started',
        'yet to start',
        'outstanding',
        'open',
        'no action',
        'no action taken',
        'not actioned',
        'no progress',
        'not yet implemented',
        'overdue',
        'pending',
        'not yet commenced',
        'not commenced',
      ],
    },
    excludedLevel('Overtaken by events / not applicable'),
  ],
};

/**
 * A plan of audits or tasks (T4, tables of work): an audit "Deferred to 2012/13" has left
 * this year's plan, so it is excluded ("Postponed" alone says not when, so it is not); for a recommendation, deferral is no such thing and stays unread or
 * not started. Otherwise the implementation scale, whose words hold an audit's stages.
 */
export const DEFERRED_WORDS: readonly string[] = ['deferred', 'deferred until', 'moved to next year'];

/** The implementation scale as a plan of audits reads it: deferred audits are out of the year's plan. */
export const AUDIT_PLAN_SCALE: StatusScale = {
  ...IMPLEMENTATION_SCALE,
  levels: IMPLEMENTATION_SCALE.levels.map((l) => (l.excluded ? { ...l, synonyms: [...l.synonyms, ...DEFERRED_WORDS] } : l)),
};

/** Red / Amber / Green, with Blue (or "Complete") for done and Grey for withdrawn. */
export const RAG_SCALE: StatusScale = {
  name: 'rag',
  label: 'RAG status',
  levels: [
    { key: 'blue', label: 'Blue (complete)', weight: null, complete: true, synonyms: ['blue', 'b', 'complete', 'completed'] },
    { key: 'green', label: 'Green', weight: null, onTrack: true, synonyms: ['green', 'g', 'on track'] },
    { key: 'amber', label: 'Amber', weight: null, synonyms: ['amber', 'a', 'yellow', 'amber green', 'amber red'] },
    { key: 'red', label: 'Red', weight: null, synonyms: ['red', 'r'] },
    { key: 'grey', label: 'Grey (withdrawn)', weight: null, excluded: true, synonyms: ['grey', 'gray', ...EXCLUDED_WORDS] },
  ],
};

/** Percent complete, in bands; the exact percentage is kept per item for the weighted score. */
export const PERCENT_SCALE: StatusScale = {
  name: 'percent',
  label: '% complete',
  levels: [
    { key: 'p100', label: '100%', weight: 1, complete: true, synonyms: [], minPercent: 100 },
    { key: 'p75', label: '75-99%', weight: 0.75, synonyms: [], minPercent: 75 },
    { key: 'p50', label: '50-74%', weight: 0.5, synonyms: [], minPercent: 50 },
    { key: 'p25', label: '25-49%', weight: 0.25, synonyms: [], minPercent: 25 },
    { key: 'p1', label: '1-24%', weight: 0.01, synonyms: [], minPercent: 1 },
    { key: 'p0', label: '0%', weight: 0, synonyms: [], minPercent: 0 },
    excludedLevel(),
  ],
};

/** The built-in scales' names, for options and settings. */
export const BUILT_IN_SCALE_NAMES = ['extent', 'implementation', 'rag', 'percent'] as const;

/** Every built-in scale, in the order ties are broken when detecting a table's scale. */
export const BUILT_IN_SCALES: readonly StatusScale[] = [EXTENT_SCALE, IMPLEMENTATION_SCALE, RAG_SCALE, PERCENT_SCALE];

/** Words that, alone in a timescale or progress cell, say the item is done whatever the status column's scale. */
export const COMPLETION_WORDS: readonly string[] = [
  'done',
  'complete',
  'completed',
  'implemented',
  'closed',
  'fully implemented',
  'achieved',
];
