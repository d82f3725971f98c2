import { DeviceWorkOrderResult } from '@labflow/contracts';
import { DeviceConnectionConfig } from '../connections/device-connection.config';
import { DeliveryAnswer, postJson } from '../delivery/gateway-client';

export type WorkOrderAnswer = { kind: 'found'; workOrder: DeviceWorkOrderResult } | Exclude<DeliveryAnswer, { kind: 'accepted' }>;

/**
 * Asks the gateway what the device should measure on a sample (`POST /api-v3/devices/work-order`),
 * authenticated by the device's own token, as its uploads are: the bridge holds no other credential
 * for this, and the answer is limited to the device's lab and the tests mapped on it.
 */
export async function fetchWorkOrder(gatewayUrl: string, device: DeviceConnectionConfig, sampleId: string, timeoutMs: number): Promise<WorkOrderAnswer> {
  const answer = await postJson(`${gatewayUrl.replace(/\/$/, '')}/api-v3/devices/work-order`, { labId: device.labId, sampleId, deviceAuth: device.deviceAuth }, {}, timeoutMs);
  return answer.kind === 'accepted' ? { kind: 'found', workOrder: answer.body as DeviceWorkOrderResult } : answer;
}

/** The instrument's own code for a mapping's test name: the profile's rename reversed, else the name itself. */
export function instrumentCodeOf(testName: string, testNames: Record<string, string>): string {
  return Object.entries(testNames).find(([, name]) => name === testName)?.[0] ?? testName;
}
