export * from './tokens';
export * from './retry-start';
export * from './health/health.registry';
export * from './health/health.controller';
export * from './passthrough-rpc.filter';
export * from './platform.module';
export * from './run-service';
export * from './service.config';
