import { localDatabaseUrl, planPostgres } from '../../scripts/start/postgres-control';

describe('planPostgres: which PostgreSQL npm start uses', () => {
  it('given DATABASE_URL, then that one, even when a local server answers', () => {
    expect(planPostgres({ DATABASE_URL: 'postgres://u@db:5432/x' }, true)).toEqual({
      kind: 'configured',
      url: 'postgres://u@db:5432/x',
    });
  });

  it('given no DATABASE_URL and a local server that answers, then the local one', () => {
    expect(planPostgres({ PGPORT: '5433' }, true)).toEqual({
      kind: 'local',
      url: 'postgres://postgres@127.0.0.1:5433/postgres',
    });
  });

  it('given no DATABASE_URL and no local server, then an embedded one on its own port and folder', () => {
    expect(planPostgres({ EMBEDDED_POSTGRES_DIR: '/data/pg', EMBEDDED_POSTGRES_PORT: '6000' }, false)).toEqual({
      kind: 'embedded',
      url: 'postgres://postgres:postgres@127.0.0.1:6000/postgres',
      dir: '/data/pg',
      port: 6000,
    });
  });

  it('given a nonsense embedded port, then it says so', () => {
    expect(() => planPostgres({ EMBEDDED_POSTGRES_PORT: 'lots' }, false)).toThrow(/EMBEDDED_POSTGRES_PORT/);
  });

  it('reads PGHOST like libpq, ignoring a socket directory', () => {
    expect(localDatabaseUrl({ PGHOST: 'db.internal' })).toBe('postgres://postgres@db.internal:5432/postgres');
    expect(localDatabaseUrl({ PGHOST: '/var/run/postgresql' })).toBe('postgres://postgres@127.0.0.1:5432/postgres');
  });
});
