/** Units as indented select options (full-width spaces show the tree's depth). */
export function unitOptions(units: readonly { code: string; name: string; level: 'province' | 'city' | 'county' }[]) {
  const indent = { province: '', city: '\u3000', county: '\u3000\u3000' } as const;
  return units.map((u) => ({ value: u.code, label: `${indent[u.level]}${u.name}` }));
}
