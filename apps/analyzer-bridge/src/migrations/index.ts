import { Initial1767000000000 } from './1767000000000-initial';
import { InstrumentMessages1767000000001 } from './1767000000001-instrument-messages';
import { UploadRoutes1767000000002 } from './1767000000002-upload-routes';
import { DeadLetters1767000000003 } from './1767000000003-dead-letters';

export { SCHEMA } from './1767000000000-initial';
export const MIGRATIONS = [Initial1767000000000, InstrumentMessages1767000000001, UploadRoutes1767000000002, DeadLetters1767000000003];
