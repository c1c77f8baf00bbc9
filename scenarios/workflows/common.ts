/** Shared pieces of the workflow machines: event time, refusals, officers. */
import { z } from '../lib/form';
import { isIsoDate } from '../lib/form';

/** An ISO 8601 instant with a zone, e.g. 2025-03-10T09:30:00.000Z or 2025-03-10T17:30:00+08:00. */
export const instantSchema = z
  .string()
  .max(40, '事件时间格式不正确')
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/, '事件时间须为带时区的ISO 8601时间')
  .refine((v) => !Number.isNaN(Date.parse(v)) && isIsoDate(v.slice(0, 10)), '事件时间须为有效时间');

export const dateSchema = z.string().max(10).refine(isIsoDate, '日期须为有效日期（年-月-日）');
export const idSchema = z.string().min(1).max(40);
export const shortText = (max = 200) => z.string().max(max);
/** A time of day, hours and minutes on the 24-hour clock, e.g. 09:30. */
export const timeSchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, '时间须为时:分（24小时制）');
/** A local date and time as `<input type="datetime-local">` posts it, to the minute. */
export const localDateTimeSchema = z
  .string()
  .max(16)
  .regex(/^\d{4}-\d{2}-\d{2}T([01]\d|2[0-3]):[0-5]\d$/, '时间须为有效的日期时间')
  .refine((v) => dateSchema.safeParse(v.slice(0, 10)).success, '时间须为有效的日期时间');
/** A sum of money in whole yuan. */
export const amountSchema = z.number().int().min(0).max(100_000_000);

/** Why an event was refused; a refusal is recorded on the snapshot and never stored by the engine. */
export interface Refusal {
  eventType: string;
  reason: string;
}

/** Milliseconds of an ISO instant, for ordering events. */
export function instantMs(at: string): number {
  return Date.parse(at);
}
