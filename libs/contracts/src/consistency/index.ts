export * from './written-event';
export * from './consistency-token';
