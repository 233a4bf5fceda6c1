import { join } from 'node:path';
import { REPO_ROOT } from './output';

/** Local development only: the embedded server listens on 127.0.0.1 and its data folder is the developer's own. */
export const EMBEDDED_CREDENTIALS = { user: 'postgres', password: 'postgres' } as const;
/** Not 5432, so that an embedded server never poses as the machine's own PostgreSQL. */
const DEFAULT_EMBEDDED_PORT = 54329;

/** Where the embedded server keeps its data and listens: EMBEDDED_POSTGRES_DIR / EMBEDDED_POSTGRES_PORT, or defaults. */
export function embeddedSettings(env: NodeJS.ProcessEnv): { dir: string; port: number; url: string } {
  const port = Number(env.EMBEDDED_POSTGRES_PORT ?? DEFAULT_EMBEDDED_PORT);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new Error(`EMBEDDED_POSTGRES_PORT must be a port number, not ${JSON.stringify(env.EMBEDDED_POSTGRES_PORT)}`);
  }
  const { user, password } = EMBEDDED_CREDENTIALS;
  const url = `postgres://${user}:${password}@127.0.0.1:${port}/postgres`;
  return { dir: env.EMBEDDED_POSTGRES_DIR ?? join(REPO_ROOT, '.local', 'postgres'), port, url };
}
