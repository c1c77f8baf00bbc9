// A throwaway PostgreSQL server for tests and benchmarks: initdb into a temporary folder, pg_ctl start
// on a free loopback port, stopped (and its folder removed) by stop(). initdb refuses to run as root,
// so as root the server runs as the `postgres` system user (Debian's package creates it).
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface ThrowawayPostgres {
  /** The superuser's URL on the maintenance database (`postgres`), passwordless over loopback. */
  url: string;
  port: number;
  /** Another database's URL on this server. */
  urlOf(database: string): string;
  stop(): void;
}

/** The folder of initdb and pg_ctl: PG_BIN, else the newest under /usr/lib/postgresql. */
export function postgresBin(): string {
  if (process.env.PG_BIN) return process.env.PG_BIN;
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter((v) => existsSync(join(root, v, 'bin', 'initdb')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  if (versions.length === 0)
    throw new Error(
      '找不到 PostgreSQL（initdb）：请安装 postgresql（apt-get install -y postgresql），或用 PG_BIN 指定其 bin 目录',
    );
  return join(root, versions[0]!, 'bin');
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

const isRoot = () => process.getuid?.() === 0;

/** Runs a PostgreSQL program, as the postgres user when we are root. */
function run(program: string, args: string[]) {
  const [command, argv] = isRoot() ? ['runuser', ['-u', 'postgres', '--', program, ...args]] : [program, args];
  const result = spawnSync(command, argv, { encoding: 'utf8', cwd: tmpdir() });
  if (result.status !== 0)
    throw new Error(
      `${program} 失败（退出码 ${result.status}）：${result.stderr || result.stdout || result.error?.message}`,
    );
  return result.stdout;
}

export interface StartOptions {
  /** Extra server settings (`-c name=value`), e.g. { max_connections: '300' }. */
  settings?: Record<string, string>;
}

export async function startThrowawayPostgres(options: StartOptions = {}): Promise<ThrowawayPostgres> {
  const bin = postgresBin();
  const dir = mkdtempSync(join(tmpdir(), 'drill-pg-'));
  // The postgres user must be able to enter the folder; the data folder inside is its own.
  chmodSync(dir, 0o777);
  const data = join(dir, 'data');
  if (isRoot()) execFileSync('chown', ['postgres', dir]);
  run(join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8']);
  const port = await freePort();
  const settings = {
    listen_addresses: '127.0.0.1',
    unix_socket_directories: dir,
    max_connections: '200',
    ...options.settings,
  };
  const serverOptions = Object.entries(settings)
    .map(([k, v]) => `-c ${k}=${v}`)
    .join(' ');
  run(join(bin, 'pg_ctl'), [
    '-D',
    data,
    '-o',
    `-p ${port} ${serverOptions}`,
    '-l',
    join(dir, 'server.log'),
    '-w',
    'start',
  ]);
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    try {
      run(join(bin, 'pg_ctl'), ['-D', data, '-m', 'fast', '-w', 'stop']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
  const urlOf = (database: string) => `postgres://postgres@127.0.0.1:${port}/${database}`;
  return { url: urlOf('postgres'), port, urlOf, stop };
}
