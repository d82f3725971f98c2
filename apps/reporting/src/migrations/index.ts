import { Initial1732400000000 } from './1732400000000-initial';

export { SCHEMA } from './1732400000000-initial';
export const MIGRATIONS = [Initial1732400000000];
