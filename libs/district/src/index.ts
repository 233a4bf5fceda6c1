export * from './district';
export * from './district-validation';
export * from './district-file';
export * from './duty-roster';
