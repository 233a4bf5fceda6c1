import { createServer } from 'node:net';
import { Client } from 'pg';
import type { LineSink } from './output';

/** A URL fit to print: the password, if any, masked. */
export function redactUrl(url: string): string {
  return url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');
}

/** Resolves with nothing when PostgreSQL answers `select 1`, or with the reason it does not. */
export async function postgresProblem(url: string): Promise<string | undefined> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 5000, application_name: 'npm-start' });
  try {
    await client.connect();
    await client.query('select 1');
    return undefined;
  } catch (error) {
    const { code, message } = error as { code?: string; message: string };
    return code ? `${code}: ${message}` : message;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * True when the port can be bound as the services bind it (0.0.0.0). Checked before anything starts because a
 * service that cannot bind exits only after its migrations and Kafka set-up, and another process already answering
 * /health/ready on that port would look like our service being ready.
 */
export function portFree(port: number, host = '0.0.0.0'): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen({ port, host, exclusive: true }, () => server.close(() => resolve(true)));
  });
}

/** Ports, checked before anything starts: they fail fast, before a database or a broker is started for nothing. */
export async function preflight(
  services: readonly { name: string; port: number }[],
  migrationsRun: string | undefined,
  say: LineSink,
): Promise<boolean> {
  for (const { name, port } of services) {
    if (!(await portFree(port))) {
      say(`port ${port} (${name}) is already in use: is another npm start (or a test) running?`, 'err');
      return false;
    }
  }
  say(
    /^(false|0|no)$/i.test(migrationsRun ?? '')
      ? 'MIGRATIONS_RUN=false: the services will not migrate (run npm run migrations:run if they complain)'
      : 'each service runs its own migrations as it starts (MIGRATIONS_RUN=true), in its own schema',
  );
  return true;
}
