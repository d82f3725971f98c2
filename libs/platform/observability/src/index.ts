export * from './correlation-context';
export * from './json-logger';
export * from './metrics';
