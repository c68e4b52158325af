/**
 * The words the status column writes and the summary, chase list and rules read back: data in one place,
 * so the conditional-format rules keyed on them and the chase list cannot drift from the column (F2).
 */
export const STATUS_WORDS = {
  unrated: 'Unrated',
  unclear: 'Rating unclear',
} as const;
