import type { Role, TableKind } from '../types';

/** How messages name one item of each kind of table. */
export const ITEM_NOUN: Readonly<Record<TableKind, string>> = { recommendations: 'recommendation', audits: 'audit' };

/**
 * What a table lists, from its columns: a plan of audits or tasks has planned days or an assurance
 * opinion and no recommendation text; anything else is an action plan of recommendations.
 */
export function tableKind(columns: Readonly<Record<Role, number | string | null>>): TableKind {
  return (columns.days !== null || columns.opinion !== null) && columns.recommendation === null ? 'audits' : 'recommendations';
}
