export * from './postgres';
export * from './mongo';
export * from './redis';
export * from './elasticsearch';
