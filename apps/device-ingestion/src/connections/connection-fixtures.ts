import { DeviceIngestionTables, inMemoryDeviceIngestionUnit, LAB } from '../in-memory-device-ingestion.fake';
import { hashDeviceAuth } from '../devices/device-auth';

export const TOKEN = 'f94032be-5e1f-47fd-96a1-92a66c6014c3';

/** A lab with devices 1 and 3 (device 1's token is TOKEN), and another lab's device 2. */
export function labWithDevices() {
  const tables = new DeviceIngestionTables();
  tables.devices.push(
    { id: 1, labId: LAB, name: 'XN-1', createdAt: new Date(), authHash: hashDeviceAuth(TOKEN), flagTable: {} },
    { id: 2, labId: LAB + 1, name: 'Other', createdAt: new Date(), authHash: 'h2', flagTable: {} },
    { id: 3, labId: LAB, name: 'XN-2', createdAt: new Date(), authHash: 'h3', flagTable: {} },
  );
  return inMemoryDeviceIngestionUnit(tables);
}
