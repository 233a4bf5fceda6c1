export * from './district';
