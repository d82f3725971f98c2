import { ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { call, eventually, tokenFor } from '@labflow/testing';
import { spawnApp, waitForReady } from '@labflow/tools/dev';
import { createTest, registerPatient } from '../lab-fixtures';

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export interface BridgeLab {
  token: string;
  deviceAuth: string;
  deviceId: number;
  /** The CBC test. */
  testId: number;
  /** The lab report of each sample, in the order given. */
  reports: number[];
}

/** A lab with a CBC test (machine flags on), one patient per sample, and a device mapping hmg → 4, rbc → 5. */
export async function bridgeLab(labId: number, samples: string[]): Promise<BridgeLab> {
  const token = await tokenFor({ lab_id: labId });
  const cbc = await createTest(token, true, 'CBC');
  const reports: number[] = [];
  for (const sampleId of samples) reports.push((await registerPatient(token, sampleId, [cbc])).labReports[0].labReportId);
  const device = (await call('POST', '/api-v3/devices', { token, body: { name: 'Bridge analyzer' } })).body;
  const mapping = await call('POST', `/api-v3/devices/${device.id}/mappings`, {
    token, body: { testId: cbc, functionName: 'PartialFill', parameters: [{ testName: 'hmg', index: 4 }, { testName: 'rbc', index: 5 }] },
  });
  if (mapping.status !== 201) throw new Error(`mapping: ${mapping.status} ${JSON.stringify(mapping.body)}`);
  return { token, deviceAuth: device.deviceAuth, deviceId: device.id, testId: cbc, reports };
}

/** A bridge instance of its own (not the stack's), with these devices and settings; ready when it answers. */
export async function startBridge(name: string, devices: object[], env: Record<string, string> = {}): Promise<ChildProcess> {
  const httpPort = await freePort();
  const bridge = spawnApp('analyzer-bridge', {
    recordPid: false, logName: name,
    env: { PORT: String(httpPort), INSTANCE_ID: name, BRIDGE_DEVICES: JSON.stringify(devices), ...env },
  });
  await waitForReady(`http://127.0.0.1:${httpPort}/health/ready`, 120_000);
  return bridge;
}

/** The instrument's parameters (4, 5) in report entry once both are in; the calculated one (6) is reporting's. */
export function instrumentValues(token: string, labReportId: number): Promise<{ index: number }[]> {
  return eventually(
    async (): Promise<{ index: number }[]> => ((await call('GET', `/getReportFormatForTestEntry/?labReportId=${labReportId}&isSigned=0`, { token })).body.value ?? [])
      .filter((v: { index: number }) => v.index === 4 || v.index === 5),
    (v) => v.length === 2,
    30_000,
  );
}
