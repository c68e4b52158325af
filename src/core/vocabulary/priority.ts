/**
 * Priority scales as written in audit reports, top priority first. A table's priority column is read on
 * the scale that matches most of its values; an overdue item at the top level is an error.
 */
export interface PriorityScale {
  readonly name: string;
  /** Levels top first: the label shown, and the words (normalised) that mean it. */
  readonly levels: readonly { readonly label: string; readonly words: readonly string[] }[];
}

export const PRIORITY_SCALES: readonly PriorityScale[] = [
  {
    name: 'high-medium-low',
    levels: [
      { label: 'High', words: ['high', 'h', 'high priority', 'critical', 'very high', 'urgent', 'major'] },
      { label: 'Medium', words: ['medium', 'm', 'med', 'medium priority', 'moderate'] },
      { label: 'Low', words: ['low', 'l', 'low priority', 'minor'] },
      { label: 'Advisory', words: ['advisory', 'advice', 'best practice', 'for information'] },
    ],
  },
  {
    name: 'numbered',
    levels: [
      { label: 'Priority 1', words: ['1', 'priority 1', 'p1', 'one', 'level 1', 'grade 1'] },
      { label: 'Priority 2', words: ['2', 'priority 2', 'p2', 'two', 'level 2', 'grade 2'] },
      { label: 'Priority 3', words: ['3', 'priority 3', 'p3', 'three', 'level 3', 'grade 3'] },
      { label: 'Priority 4', words: ['4', 'priority 4', 'p4', 'four', 'level 4', 'grade 4'] },
    ],
  },
  {
    name: 'fundamental-significant',
    levels: [
      { label: 'Fundamental', words: ['fundamental'] },
      { label: 'Significant', words: ['significant'] },
      { label: 'Merits attention', words: ['merits attention', 'housekeeping'] },
    ],
  },
  {
    name: 'essential-important-desirable',
    levels: [
      { label: 'Essential', words: ['essential'] },
      { label: 'Important', words: ['important'] },
      { label: 'Desirable', words: ['desirable', 'consider'] },
    ],
  },
];
