/**
 * Periods under 行政处罚法 第85条: the day the period starts is not counted; 三日、五日、七日 are
 * working days (statutory holidays excluded); a period in days whose last day is a holiday ends on
 * the next working day. Dates are YYYY-MM-DD strings; nothing here reads a clock.
 */
import { HOLIDAY_CALENDAR } from './legal-constants';

function parts(date: string): [number, number, number] {
  const [y, m, d] = date.slice(0, 10).split('-').map(Number) as [number, number, number];
  return [y, m, d];
}

/** The date `days` calendar days after `date`. */
export function addDays(date: string, days: number): string {
  const [y, m, d] = parts(date);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** The date `months` calendar months after `date` (day clamped to the month's end). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = parts(date);
  const last = new Date(Date.UTC(y, m - 1 + months + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, m - 1 + months, Math.min(d, last))).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  const [y1, m1, d1] = parts(from);
  const [y2, m2, d2] = parts(to);
  return Math.round((Date.UTC(y2, m2 - 1, d2) - Date.UTC(y1, m1 - 1, d1)) / 86_400_000);
}

/** True when the date is a working day (weekday not a holiday, or a weekend day worked in lieu). */
export function isWorkingDay(date: string): boolean {
  const [y, m, d] = parts(date);
  const year = HOLIDAY_CALENDAR.value[y];
  const day = date.slice(0, 10);
  if (year?.workdays.includes(day)) return true;
  if (year?.holidays.includes(day)) return false;
  const weekday = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/** The last day of a period of `n` working days starting on `date` (the start day not counted). */
export function addWorkingDays(date: string, n: number): string {
  let current = date.slice(0, 10);
  let counted = 0;
  while (counted < n) {
    current = addDays(current, 1);
    if (isWorkingDay(current)) counted++;
  }
  return current;
}

/** The last day of a period of `n` calendar days; moved to the next working day if it is a holiday. */
export function addLegalDays(date: string, n: number): string {
  let end = addDays(date, n);
  while (!isWorkingDay(end)) end = addDays(end, 1);
  return end;
}

/** Working days strictly after `from` up to and including `to`. */
export function workingDaysBetween(from: string, to: string): number {
  let count = 0;
  let current = from.slice(0, 10);
  while (current < to.slice(0, 10)) {
    current = addDays(current, 1);
    if (isWorkingDay(current)) count++;
  }
  return count;
}
