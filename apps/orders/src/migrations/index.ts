import { Initial1732400000000 } from './1732400000000-initial';
import { Orders1764000000000 } from './1764000000000-orders';

export { SCHEMA } from './1732400000000-initial';
export const MIGRATIONS = [Initial1732400000000, Orders1764000000000];
