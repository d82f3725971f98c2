import { platformTablesMigration } from '@labflow/platform/kafka';

export const SCHEMA = 'analyzer_bridge';

/** The schema's platform tables (outbox, inbox); the bridge's own come in later migrations. */
export const Initial1767000000000 = platformTablesMigration(SCHEMA, 1767000000000);
