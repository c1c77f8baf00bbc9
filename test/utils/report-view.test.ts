import { describe, expect, it } from 'vitest';
import { ancestorInScope } from '../../app/ui/unit-overview';
import { DEFAULT_COLUMN_GROUPS, parseColumnGroups } from '../../app/validation/report-columns';

describe('the readiness table’s column groups in the URL', () => {
  const parse = (query: string) => parseColumnGroups(new URLSearchParams(query));

  it('takes a comma list or repeated parameters, in the table’s order, ignoring unknown names', () => {
    expect(parse('cols=real,drill')).toEqual(['drill', 'real']);
    expect(parse('cols=&cols=skills&cols=drill')).toEqual(['drill', 'skills']);
    expect(parse('cols=drill,skills,real,bogus')).toEqual(['drill', 'skills', 'real']);
  });

  it('means the default without cols, and no optional group with an empty one', () => {
    expect(parse('period=month')).toEqual([...DEFAULT_COLUMN_GROUPS]);
    expect(parse('cols=')).toEqual([]);
  });
});

describe('breadcrumbs link only units within the viewer’s subtree', () => {
  // 河北省 (1) › 唐山市 (4) › 路北区 (27): a county-level viewer.
  it('shows the units above the viewer’s own as text', () => {
    expect(ancestorInScope('/1/4/27/', 1, 27)).toBe(false);
    expect(ancestorInScope('/1/4/27/', 4, 27)).toBe(false);
  });

  it('links the viewer’s own unit and the units below it', () => {
    // A city viewer looking at a county: the city itself is linkable, the province is not.
    expect(ancestorInScope('/1/4/', 4, 4)).toBe(true);
    expect(ancestorInScope('/1/4/', 1, 4)).toBe(false);
    // A province viewer: every ancestor of a unit in scope is linkable.
    expect(ancestorInScope('/1/', 1, 1)).toBe(true);
    expect(ancestorInScope('/1/', 4, 1)).toBe(true);
  });
});
