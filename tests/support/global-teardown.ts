import { spawnSync } from 'node:child_process';
import { REPO_ROOT, STARTED_KAFKA_ENV } from './global-setup';

/** Stops the local broker only when global-setup started it in this jest run. */
export default function globalTeardown(): void {
  if (process.env[STARTED_KAFKA_ENV] !== '1') return;
  delete process.env[STARTED_KAFKA_ENV];
  console.log('\n[global-teardown] stopping the Kafka broker this run started');
  const stopped = spawnSync('bash', ['deploy/kafka/kafka.sh', 'stop'], { cwd: REPO_ROOT, stdio: 'inherit' });
  if (stopped.status !== 0) console.error(`[global-teardown] kafka.sh stop exited ${String(stopped.status)}`);
}
