import { Initial1732400000000 } from './1732400000000-initial';
import { LabReports1764000000000 } from './1764000000000-lab-reports';

export { SCHEMA } from './1732400000000-initial';
export const MIGRATIONS = [Initial1732400000000, LabReports1764000000000];
