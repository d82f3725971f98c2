export * from './postgres';
export * from './mongo';
export * from './mongo-monitor-watchdog';
export * from './redis';
export * from './elasticsearch';
