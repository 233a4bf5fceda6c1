import { HttpException } from '@nestjs/common';
import { HealthController, type ReadinessProbe } from './health.controller';

const up = (name: string): ReadinessProbe => ({ name, check: () => Promise.resolve() });
const down = (name: string, reason: string): ReadinessProbe => ({
  name,
  check: () => Promise.reject(new Error(reason)),
});

describe('HealthController', () => {
  it('is live without asking any dependency', () => {
    expect(new HealthController([down('postgres', 'gone')]).live()).toEqual({ status: 'ok' });
  });

  it('is ready when every probe answers', async () => {
    await expect(new HealthController([up('postgres'), up('kafka')]).ready()).resolves.toEqual({
      status: 'ok',
      checks: { postgres: { status: 'up' }, kafka: { status: 'up' } },
    });
  });

  it('answers 503 naming the dependency that is down, and why', async () => {
    const controller = new HealthController([up('postgres'), down('kafka', 'connection refused')]);
    const error = await controller.ready().then(
      () => undefined,
      (thrown: unknown) => thrown,
    );
    expect(error).toBeInstanceOf(HttpException);
    const exception = error as HttpException;
    expect(exception.getStatus()).toBe(503);
    expect(exception.getResponse()).toEqual({
      status: 'unavailable',
      checks: { postgres: { status: 'up' }, kafka: { status: 'down', error: 'connection refused' } },
    });
  });
});
