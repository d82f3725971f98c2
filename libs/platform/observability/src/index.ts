export * from './correlation-context';
export * from './json-logger';
export * from './metrics';
export * from './trace-context-manager';
export * from './trace-propagation';
export * from './span-file-exporter';
export * from './tracing';
export * from './background-span';
