// Per-project `testTimeout` is not applied by jest 30; integration and e2e tests talk to real brokers and processes.
jest.setTimeout(Number(process.env.TEST_TIMEOUT_MS ?? 180_000));
