/** The readiness table's optional column groups; the unit and the verdict columns always show. */
export const COLUMN_GROUPS = ['drill', 'skills', 'real'] as const;
export type ColumnGroup = (typeof COLUMN_GROUPS)[number];

export const COLUMN_GROUP_LABELS: Record<ColumnGroup, string> = {
  drill: '练兵情况',
  skills: '技能掌握',
  real: '系统使用',
};

/** Shown when the URL does not choose: enough to judge a unit, narrow enough for a 1366 px screen. */
export const DEFAULT_COLUMN_GROUPS: readonly ColumnGroup[] = ['drill', 'real'];

/**
 * The column groups a report URL asks for: `cols=drill,real` or `cols=drill&cols=real` (the
 * checkboxes of a GET form, plus an empty `cols=` so that unticking everything means "none").
 * No `cols` at all means the default; unknown names are ignored.
 */
export function parseColumnGroups(searchParams: URLSearchParams): ColumnGroup[] {
  const values = searchParams.getAll('cols');
  if (values.length === 0) return [...DEFAULT_COLUMN_GROUPS];
  const names = values.flatMap((v) => v.split(',')).map((v) => v.trim());
  return COLUMN_GROUPS.filter((g) => names.includes(g));
}
