// One formatter for the process: `toLocaleString` builds a new one per call (≈47 µs each, several per
// page; issue 18), the formatter's `format` gives the same text in ≈1 µs.
const beijingTimeFormat = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  hour12: false,
  dateStyle: 'short',
  timeStyle: 'short',
});

/** An instant as officers read it: Beijing time, 24-hour clock, e.g. 2026/11/25 18:01. */
export function beijingTime(iso: string): string {
  return beijingTimeFormat.format(new Date(iso));
}

/** Percentage with one decimal; 0 when there is no one to count. */
export const pct = (part: number, whole: number) => (whole === 0 ? 0 : Math.round((part / whole) * 1000) / 10);

/** The Beijing calendar day of an instant, YYYY-MM-DD (reminders are counted per Beijing day). */
export function beijingDate(at: Date): string {
  return new Date(at.getTime() + 8 * 60 * 60 * 1000).toISOString().slice(0, 10);
}
