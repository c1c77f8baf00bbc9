/**
 * What a spreadsheet would read as the start of a formula (OWASP "CSV Injection"): = + - @, and tab
 * and carriage return, which Excel skips before looking for one. The full-width forms too: Excel
 * with a Chinese or Japanese input locale turns ＝＋－＠ at the start of a cell into their ASCII forms.
 */
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

/**
 * The one guard every CSV and XLSX export puts each cell through: text that could start a formula
 * gets a leading apostrophe, so it stays text (a unit name "=HYPERLINK(…)" is shown, never run).
 * Numbers are left as numbers: a negative figure is a number, not a formula.
 */
export function neutralizeCell<T extends string | number | boolean | null | undefined>(value: T): T | string {
  return typeof value === 'string' && FORMULA_START.test(value) ? `'${value}` : value;
}

/** One CSV field: neutralised, then quoted when it holds a quote, comma or line break (RFC 4180). */
export function csvField(value: string | number | null | undefined): string {
  const cell = neutralizeCell(value);
  const text = cell === null || cell === undefined ? '' : String(cell);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One CSV line of fields, without the line ending. */
export function csvLine(values: readonly (string | number | null | undefined)[]): string {
  return values.map(csvField).join(',');
}
