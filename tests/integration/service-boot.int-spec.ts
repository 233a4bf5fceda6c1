import { ServiceProcess } from '../support/service-process';

describe('a service at boot', () => {
  it('stops with exit code 1 and names each bad or missing variable', async () => {
    const service = await ServiceProcess.start('routing', 3131, {
      env: { KAFKA_BROKERS: 'kafka-without-port', KAFKA_MAX_ATTEMPTS: '0', DATABASE_URL: 'mysql://root:hunter2@db/x' },
      waitReady: false,
    });
    expect(await service.exited()).toBe(1);
    const output = service.logs();
    expect(output).toContain('routing: invalid configuration');
    expect(output).toMatch(/KAFKA_BROKERS: must be a comma-separated list of host:port/);
    expect(output).toMatch(/KAFKA_MAX_ATTEMPTS: KAFKA_MAX_ATTEMPTS must not be less than 1/);
    expect(output).toMatch(/DATABASE_URL: must be a postgres:\/\/ URL \(value hidden: secret\)/);
    expect(output).not.toContain('hunter2');
  });

  it('fails to start, and says why, when PostgreSQL does not answer', async () => {
    const service = await ServiceProcess.start('intake', 3132, {
      env: { DATABASE_URL: 'postgres://postgres@127.0.0.1:1/nowhere' },
      waitReady: false,
    });
    expect(await service.exited()).toBe(1);
    expect(service.logs()).toMatch(/intake failed to start: .*ECONNREFUSED/s);
  });
});
