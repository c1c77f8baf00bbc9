import pg from 'pg';

/**
 * The PostgreSQL side of the test harness. `TEST_DATABASE_URL` names a server (any database on it,
 * usually `postgres`) where this run may create and drop databases; unset, the suite runs on SQLite.
 * `.ci/run` starts a throwaway server and runs the suite a second time with it set.
 */
export const testServerUrl = (): URL | null => {
  const value = process.env.TEST_DATABASE_URL?.trim();
  return value ? new URL(value) : null;
};

export const onPostgres = testServerUrl() !== null;

/** Every database a test run makes starts with this, so a crashed run's leftovers are found and dropped. */
export const TEST_DATABASE_PREFIX = 'drill_test_';

/** A small pool on the server's maintenance database, for CREATE and DROP DATABASE. */
export const postgresAdmin = (server: URL) =>
  new pg.Pool({ connectionString: server.toString(), max: 2, allowExitOnIdle: true });

/** The URL of one database on the test server. */
export function databaseUrl(server: URL, name: string): string {
  const url = new URL(server);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function dropTestDatabases(admin: pg.Pool): Promise<void> {
  const { rows } = await admin.query<{ datname: string }>(`select datname from pg_database where datname like $1`, [
    `${TEST_DATABASE_PREFIX}%`,
  ]);
  for (const { datname } of rows) await admin.query(`drop database if exists "${datname}" with (force)`);
}
