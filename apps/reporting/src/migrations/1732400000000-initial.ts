import { platformTablesMigration } from '@labflow/platform/kafka';

export const SCHEMA = 'reporting';

/** The schema's platform tables (outbox, inbox); the app's own come in later migrations. */
export const Initial1732400000000 = platformTablesMigration(SCHEMA, 1732400000000);
