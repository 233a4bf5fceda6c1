/**
 * Re-encrypts every reporter value stored in intake.petitions under the current key of INTAKE_PII_KEYS, in
 * batches (one transaction each). Idempotent: values already under the current key are left alone, so it can be
 * re-run after an interruption. `--check` changes nothing: it counts values per key id and exits 1 when some are
 * still under another key. The procedure around it: docs/operations.md, "Personal data".
 *
 *   npm run build && INTAKE_PII_KEYS='…' node dist/scripts/rotate-pii-key.js [--batch-size 500] [--check]
 *
 * Reads DATABASE_URL, DATABASE_SCHEMA and INTAKE_PII_KEYS as intake does. Prints ids and counts only.
 */
import 'reflect-metadata';
import { createServiceDataSource, loadConfig, UnitOfWork } from '@petitions/platform';
import { schemaOf } from '@petitions/runtime';
import { countPiiValuesByKeyId, intakeService, PiiCipher, rotatePiiKeys } from '../services/intake/src/definition';

interface Options {
  batchSize: number;
  check: boolean;
}

function parseArguments(args: string[]): Options {
  const options: Options = { batchSize: 500, check: false };
  for (let index = 0; index < args.length; index++) {
    const arg = args[index];
    if (arg === '--check') options.check = true;
    else if (arg === '--batch-size') options.batchSize = Number(args[++index]);
    else throw new Error(`unknown argument ${JSON.stringify(arg)}; usage: rotate-pii-key [--batch-size N] [--check]`);
  }
  if (!Number.isInteger(options.batchSize) || options.batchSize < 1 || options.batchSize > 10000) {
    throw new Error('--batch-size must be an integer from 1 to 10000');
  }
  return options;
}

function counts(byKeyId: Record<string, number>): string {
  const entries = Object.entries(byKeyId);
  return entries.length ? entries.map(([keyId, count]) => `${keyId}: ${count}`).join(', ') : 'none';
}

async function main(): Promise<void> {
  const options = parseArguments(process.argv.slice(2));
  const config = loadConfig(intakeService.configClass);
  const cipher = PiiCipher.fromConfig(config.INTAKE_PII_KEYS);
  const schema = schemaOf(intakeService, config);
  const dataSource = createServiceDataSource({
    url: config.DATABASE_URL,
    schema,
    applicationName: 'rotate-pii-key',
    poolSize: 2,
    entities: [...intakeService.entities],
    migrations: [],
  });
  await dataSource.initialize();
  try {
    const unitOfWork = new UnitOfWork(dataSource);
    const write = (line: string): boolean => process.stdout.write(`${line}\n`);
    if (options.check) {
      const after = await countPiiValuesByKeyId(unitOfWork);
      const stale = Object.entries(after).filter(([keyId]) => keyId !== cipher.currentKeyId);
      write(`schema ${schema}: current key ${cipher.currentKeyId}; values per key id: ${counts(after)}`);
      if (stale.length > 0) process.exitCode = 1;
      return;
    }
    const report = await rotatePiiKeys({
      unitOfWork,
      cipher,
      batchSize: options.batchSize,
      onBatch: ({ batch, petitions, lastPetitionId }) =>
        write(`batch ${batch}: ${petitions} petitions re-encrypted (up to ${lastPetitionId})`),
    });
    write(`schema ${schema}: current key ${report.currentKeyId}; before: ${counts(report.before)}`);
    write(
      `done: ${report.petitionsUpdated} petitions, ${report.valuesReencrypted} values re-encrypted; ` +
        `now: ${counts(report.after)}`,
    );
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`rotate-pii-key failed: ${(error as Error).message}\n`);
  process.exit(1);
});
