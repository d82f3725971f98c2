export * from './environment';
export * from './app-processes';
