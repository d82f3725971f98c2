export * from './http-client';
export * from './tokens';
export * from './topic-probe';
export * from './webhook-receiver';
