export * from './expect-eventually';
export * from './kafka-test-client';
