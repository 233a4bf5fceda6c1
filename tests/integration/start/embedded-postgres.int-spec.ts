import { chmodSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { PostgresControl } from '../../../scripts/start/postgres-control';
import { postgresProblem } from '../../../scripts/start/preflight';

// Nothing listens here: it stands for "no PostgreSQL answers locally".
const SILENT_PORT = 5999 + Number(process.env.TEST_PORT_OFFSET ?? 0);
const EMBEDDED_PORT = 55439 + Number(process.env.TEST_PORT_OFFSET ?? 0);

describe('npm start without DATABASE_URL and without a local PostgreSQL', () => {
  let dataDir: string;
  const lines: string[] = [];
  const sink = (line: string): void => {
    lines.push(line);
  };

  beforeAll(() => {
    const parent = mkdtempSync(join(tmpdir(), 'embedded-pg-'));
    // Under root the server runs as the postgres user, who must be able to reach the folder (mkdtemp makes it 0700).
    chmodSync(parent, 0o755);
    dataDir = join(parent, 'data');
  });

  afterAll(() => {
    rmSync(join(dataDir, '..'), { recursive: true, force: true });
  });

  // A test that fails half-way must not leave its server running for the next test (or the next run).
  const controls: PostgresControl[] = [];
  const control = (env: NodeJS.ProcessEnv): PostgresControl => {
    const created = new PostgresControl(env, sink, sink);
    controls.push(created);
    return created;
  };
  afterEach(() => {
    for (const created of controls.splice(0)) created.kill();
  });

  const environment = (): NodeJS.ProcessEnv => {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      PGPORT: String(SILENT_PORT),
      EMBEDDED_POSTGRES_DIR: dataDir,
      EMBEDDED_POSTGRES_PORT: String(EMBEDDED_PORT),
    };
    delete env.DATABASE_URL;
    return env;
  };

  it('starts an embedded PostgreSQL in the data folder, serves SQL, and stops it again', async () => {
    const postgres = control(environment());
    expect({ started: await postgres.ensure(() => false), output: lines }).toMatchObject({ started: true });
    expect(postgres.embedded).toBe(true);
    expect(postgres.url).toBe(`postgres://postgres:postgres@127.0.0.1:${EMBEDDED_PORT}/postgres`);

    const client = new Client({ connectionString: postgres.url });
    try {
      await client.connect();
      await client.query('CREATE SCHEMA IF NOT EXISTS probe; CREATE TABLE IF NOT EXISTS probe.t (n int)');
      await client.query('INSERT INTO probe.t VALUES (42)');
      const { rows } = await client.query<{ data_directory: string }>('SHOW data_directory');
      expect(rows[0]?.data_directory).toBe(dataDir);
    } finally {
      await client.end().catch(() => undefined);
    }
    expect(statSync(join(dataDir, 'PG_VERSION')).isFile()).toBe(true);

    expect(await postgres.stop()).toMatch(/embedded, started by this run, stopped/);
    expect(await postgresProblem(postgres.url)).toMatch(/ECONNREFUSED/);
  });

  it('keeps the data for the next run, which starts the same folder again without initialising it', async () => {
    const postgres = control(environment());
    lines.length = 0;
    expect({ started: await postgres.ensure(() => false), output: lines }).toMatchObject({ started: true });
    try {
      expect(lines.join('\n')).not.toMatch(/initialising a new data folder/);
      const client = new Client({ connectionString: postgres.url });
      await client.connect();
      const { rows } = await client.query<{ n: number }>('SELECT n FROM probe.t');
      await client.end();
      expect(rows).toEqual([{ n: 42 }]);
    } finally {
      await postgres.stop();
    }
  });

  it('uses DATABASE_URL when it is set, and starts nothing', async () => {
    const env = { ...environment(), DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/postgres' };
    const postgres = control(env);
    expect(await postgres.ensure(() => false)).toBe(true);
    expect(postgres.embedded).toBe(false);
    expect(await postgres.stop()).toMatch(/not ours, untouched/);
    expect(await postgresProblem(`postgres://postgres:postgres@127.0.0.1:${EMBEDDED_PORT}/postgres`)).toMatch(
      /ECONNREFUSED/,
    );
  });

  it('refuses to go on when DATABASE_URL is set but does not answer, rather than starting an embedded one', async () => {
    const env = { ...environment(), DATABASE_URL: `postgres://postgres@127.0.0.1:${SILENT_PORT}/postgres` };
    const postgres = control(env);
    lines.length = 0;
    expect(await postgres.ensure(() => false)).toBe(false);
    expect(postgres.embedded).toBe(false);
    expect(lines.join('\n')).toMatch(/DATABASE_URL=.* does not answer/);
  });
});
