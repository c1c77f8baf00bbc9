import {
  PostgresAdapter,
  sql,
  type ColumnDataType,
  type ColumnDefinitionBuilder,
  type Expression,
  type Kysely,
  type RawBuilder,
} from 'kysely';

/**
 * The few constructs SQLite and PostgreSQL spell differently, each written once here (issue 17).
 * Everything else in the app is SQL both engines read the same way. A helper takes the database
 * (or transaction) it builds for, because one process only ever talks to one engine, but tests and
 * `db:copy` hold both at once.
 */
/** Anything with Kysely's executor: a database or a transaction. */
type HasExecutor = Pick<Kysely<any>, 'getExecutor'>;

export const isPostgres = (db: HasExecutor) => db.getExecutor().adapter instanceof PostgresAdapter;

/**
 * An integer primary key the database numbers: SQLite's AUTOINCREMENT (never reuses an id), an
 * identity column on PostgreSQL (`db:copy` moves its sequence past the copied ids).
 */
export const autoIdColumn =
  (db: HasExecutor) =>
  (c: ColumnDefinitionBuilder): ColumnDefinitionBuilder =>
    isPostgres(db) ? c.primaryKey().generatedByDefaultAsIdentity() : c.primaryKey().autoIncrement();

/** The stored form of an instant (ISO 8601 in UTC, milliseconds, 'Z'), as a column default. */
export const nowIsoDefault = (db: HasExecutor): RawBuilder<string> =>
  isPostgres(db)
    ? sql`(to_char(now() at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))`
    : sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`;

/** A float column: SQLite's REAL is 8 bytes; PostgreSQL's `real` is 4, so it gets `double precision`. */
export const floatType = (db: HasExecutor): ColumnDataType => (isPostgres(db) ? 'double precision' : 'real');

/**
 * The Beijing calendar day ('YYYY-MM-DD') of a stored UTC instant. On PostgreSQL it is the
 * `china_day` function (created by the reminders migration), declared immutable so that a unique
 * index may use it: stored instants always carry their 'Z', so the result depends on nothing else.
 */
export const chinaDaySql = (db: HasExecutor, instant: Expression<unknown> | RawBuilder<unknown>): RawBuilder<string> =>
  isPostgres(db) ? sql<string>`china_day(${instant})` : sql<string>`date(${instant}, '+8 hours')`;

/** PostgreSQL's `china_day(text)`; see chinaDaySql. */
export const CREATE_CHINA_DAY_FUNCTION = sql`
  create or replace function china_day(instant text) returns text
    language sql immutable strict parallel safe
    as $$ select to_char((instant::timestamptz at time zone 'UTC') + interval '8 hours', 'YYYY-MM-DD') $$`;

/** A stored instant moved by whole days, in the stored form (for day-window comparisons). */
export const shiftDays = (db: HasExecutor, instant: Expression<unknown> | RawBuilder<unknown>, days: number) => {
  const n = Math.trunc(days);
  return isPostgres(db)
    ? sql<string>`to_char((${instant}::timestamptz at time zone 'UTC') + make_interval(days => ${sql.lit(n)}), 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`
    : sql<string>`strftime('%Y-%m-%dT%H:%M:%fZ', ${instant}, ${sql.lit(`${n >= 0 ? '+' : ''}${n} days`)})`;
};

/**
 * The elements of a JSON array of strings stored as text, as a table with one column `value`, to
 * join (`from attempts a, ${jsonTextElements(db, sql`a.error_codes`)} e`).
 */
export const jsonTextElements = (db: HasExecutor, jsonText: Expression<unknown> | RawBuilder<unknown>) =>
  isPostgres(db) ? sql`json_array_elements_text(${jsonText}::json)` : sql`json_each(${jsonText})`;

/** The length of a JSON array stored as text. */
export const jsonArrayLength = (db: HasExecutor, jsonText: Expression<unknown> | RawBuilder<unknown>) =>
  isPostgres(db) ? sql<number>`json_array_length(${jsonText}::json)` : sql<number>`json_array_length(${jsonText})`;

/** A unique constraint refused the write (SQLite's code, or PostgreSQL's SQLSTATE 23505). */
export const isUniqueViolation = (error: unknown) => {
  const code = (error as { code?: string } | null)?.code;
  return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === '23505';
};

type SqlValue = Expression<unknown> | RawBuilder<unknown>;

/** The smallest of several values (SQLite's scalar min(), PostgreSQL's least()); ISO instants compare as text. */
export const least = <T>(db: HasExecutor, ...values: SqlValue[]) =>
  isPostgres(db) ? sql<T>`least(${sql.join(values)})` : sql<T>`min(${sql.join(values)})`;

/** The largest of several values (SQLite's scalar max(), PostgreSQL's greatest()). */
export const greatest = <T>(db: HasExecutor, ...values: SqlValue[]) =>
  isPostgres(db) ? sql<T>`greatest(${sql.join(values)})` : sql<T>`max(${sql.join(values)})`;

/** Whole seconds from one stored instant to another, truncated toward zero, as an integer. */
export const elapsedWholeSeconds = (db: HasExecutor, from: SqlValue, to: SqlValue) =>
  isPostgres(db)
    ? sql<number>`trunc(extract(epoch from (${to}::timestamptz - ${from}::timestamptz)))::integer`
    : sql<number>`cast((julianday(${to}) - julianday(${from})) * 86400 as integer)`;

/**
 * A JSON array of objects aggregated over rows, as text, written exactly as JSON.stringify writes it
 * (no spaces, keys in the given order), so that a rebuilt rollup equals the incrementally kept one.
 */
export const jsonArrayAgg = (
  db: HasExecutor,
  fields: [key: string, value: SqlValue][],
  orderBy: RawBuilder<unknown>,
) => {
  if (!isPostgres(db)) {
    const pairs = fields.flatMap(([key, value]) => [sql.lit(key), value]);
    return sql<string>`json_group_array(json_object(${sql.join(pairs)}) order by ${orderBy})`;
  }
  const members = fields.map(
    ([key, value], i) => sql`${sql.lit(`${i === 0 ? '{' : ','}${JSON.stringify(key)}:`)} || to_json(${value})::text`,
  );
  return sql<string>`'[' || string_agg(${sql.join(members, sql` || `)} || '}', ',' order by ${orderBy}) || ']'`;
};

/**
 * A condition as 0 or 1, the way the schema stores flags: SQLite's comparisons are already integers,
 * PostgreSQL's are booleans (which it will neither sum nor max). Portable as written.
 */
export const asFlag = (condition: RawBuilder<unknown>) => sql<0 | 1>`(case when ${condition} then 1 else 0 end)`;

/**
 * A read of rows the transaction is about to rewrite from what it read, locked until commit on
 * PostgreSQL (`for update`), where transactions run side by side. SQLite has no row locks and needs
 * none: one connection per process runs one transaction at a time, and a second process's writer
 * waits for the database lock.
 */
export const lockedForUpdate = <Q extends { forUpdate(): Q }>(db: HasExecutor, query: Q): Q =>
  isPostgres(db) ? query.forUpdate() : query;
