import { inboxMessageIdIndexMigration } from '@labflow/platform/kafka';
import { Initial1732400000000 } from './1732400000000-initial';
import { DeviceData1764000000000 } from './1764000000000-device-data';
import { DeviceConnections1767100000000 } from './1767100000000-device-connections';

export const MIGRATIONS = [Initial1732400000000, DeviceData1764000000000, inboxMessageIdIndexMigration('device_ingestion'), DeviceConnections1767100000000];
