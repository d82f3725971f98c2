import { ChildProcess } from 'node:child_process';
import { connect, createServer, Server } from 'node:net';
import { call, eventually, freshLabId, tokenFor } from '@labflow/testing';
import { currentEnvironment, spawnApp, stopPid } from '@labflow/tools/dev';
import { bridgeLab, freePort, instrumentValues, startBridge } from './support/analyzer-bridge-fixtures';
import { astmFrame, SimulatedInstrument } from './support/simulated-instrument';

const ACK = 0x06;
const ENQ = 0x05;
const EOT = 0x04;
const frames = (records: string[]) => records.map((r, i) => astmFrame((i + 1) % 8, `${r}\r`, true));
const session = (sampleId: string, hmg: string, rbc: string) => [
  'H|\\^&|||SIM-HEM', 'P|1', `O|1|${sampleId}||^^^hmg\\^^^rbc`, `R|1|^^^hmg|${hmg}|g/dL||N||F`, `R|2|^^^rbc|${rbc}|mill/cumm||N||F`, 'L|1|N',
];

/** Whether a TCP connection to the port is refused (nothing listens). */
async function refuses(port: number): Promise<boolean> {
  try {
    (await SimulatedInstrument.connect(port)).close();
    return false;
  } catch {
    return true;
  }
}

/** A TCP relay from `port` to the gateway: the gateway "comes up" at that address when it starts. */
async function relayToGateway(port: number): Promise<Server> {
  const gateway = new URL(currentEnvironment().variables.LABFLOW_GATEWAY_URL ?? 'http://127.0.0.1:3000');
  const relay = createServer((socket) => {
    const upstream = connect({ host: gateway.hostname, port: Number(gateway.port) });
    socket.pipe(upstream).pipe(socket);
    socket.on('error', () => upstream.destroy());
    upstream.on('error', () => socket.destroy());
  });
  await new Promise<void>((resolve) => relay.listen(port, '127.0.0.1', resolve));
  return relay;
}

/** A bridge's readiness report, or null while it does not answer. */
interface Readiness { status: string; checks: Record<string, { status: string; error?: string }> }
async function readiness(httpPort: number): Promise<Readiness | null> {
  try {
    return (await (await fetch(`http://127.0.0.1:${httpPort}/health/ready`, { signal: AbortSignal.timeout(5000) })).json()) as Readiness;
  } catch {
    return null;
  }
}

/**
 * Analyzer connections registered through the gateway: the bridge is configured with the device's
 * credentials only, reads the connection (`POST /api-v3/devices/connection`), opens it, and follows
 * the registration as it changes (BRIDGE_CONNECTIONS_REFRESH_MS): a new port, then none.
 */
describe('analyzer bridge: connections registered through the gateway', () => {
  const labId = freshLabId();
  const [first, during, after] = ['1', '2', '3'].map((n) => `RG${n}${labId}`);
  let token: string;
  let deviceAuth: string;
  let deviceId: number;
  let reports: number[];
  let bridge: ChildProcess | undefined;
  let oldPort: number;
  let newPort: number;

  const connection = (id = deviceId) => `/api-v3/devices/${id}/connection`;

  beforeAll(async () => {
    ({ token, deviceAuth, deviceId, reports } = await bridgeLab(labId, [first, during, after]));
    [oldPort, newPort] = [await freePort(), await freePort()];
  });

  afterAll(async () => {
    if (bridge?.pid) await stopPid(bridge.pid, 20_000);
  });

  it('refuses a bad registration with 400, an unknown or another lab\'s device with 404, a taken address with 409, storing nothing', async () => {
    const body = { protocol: 'astm', port: oldPort, profile: 'astm-lis2-a2' };
    const refused = async (path: string, sent: object, status: number, message: string) => {
      const res = await call('PUT', path, { token, body: sent });
      expect([res.status, res.body?.message]).toEqual([status, message]);
    };
    await refused(connection(), { ...body, port: 70000 }, 400, 'port must not be greater than 65535');
    await refused(connection(), { ...body, host: 'instrument.lab.local' }, 400, 'host must be an IP address in server mode (the address the bridge listens on)');
    await refused(connection(), { ...body, protocol: 'serial' }, 400, 'protocol must be one of the following values: astm, hl7');
    await refused(connection(), { ...body, socket: 1 }, 400, 'property socket should not exist');
    await refused(connection(2_000_000_001), body, 404, 'Device not found');
    const otherLab = await tokenFor({ lab_id: freshLabId() });
    const foreign = (await call('POST', '/api-v3/devices', { token: otherLab, body: { name: 'Other lab analyzer' } })).body;
    await refused(connection(foreign.id), body, 404, 'Device not found');
    expect((await call('GET', connection(foreign.id), { token })).status).toBe(404);

    const none = 'No connection is registered for this device';
    expect([(await call('GET', connection(), { token })).body?.message, (await call('DELETE', connection(), { token })).body?.message]).toEqual([none, none]);
    const asBridge = await call('POST', '/api-v3/devices/connection', { body: { labId, deviceAuth } });
    expect([asBridge.status, asBridge.body?.message]).toEqual([404, none]);
    const wrongToken = await call('POST', '/api-v3/devices/connection', { body: { labId, deviceAuth: foreign.deviceAuth } });
    expect([wrongToken.status, wrongToken.body?.message]).toEqual([401, 'Invalid device authentication']);

    const second = (await call('POST', '/api-v3/devices', { token, body: { name: 'Second analyzer' } })).body;
    expect((await call('PUT', connection(second.id), { token, body: { ...body, port: newPort } })).status).toBe(200);
    await refused(connection(), { ...body, port: newPort }, 409, `server 127.0.0.1:${newPort} of bridge default is already the connection of device ${second.id}`);
    expect((await call('DELETE', connection(second.id), { token })).status).toBe(200);
    expect((await call('GET', connection(), { token })).status).toBe(404);
  });

  it('PUT → GET → the bridge (credentials only) opens it: a clean ASTM session on the registered port reaches report entry', async () => {
    const put = await call('PUT', connection(), { token, body: { protocol: 'astm', port: oldPort, profile: 'astm-lis2-a2' } });
    const expected = {
      deviceId, deviceName: 'Bridge analyzer', labId, protocol: 'astm', mode: 'server', host: '127.0.0.1', port: oldPort,
      profile: 'astm-lis2-a2', reconnectMs: 5000, bridge: 'default', updatedAt: expect.any(String),
    };
    expect([put.status, put.body]).toEqual([200, expected]);
    expect((await call('GET', connection(), { token })).body).toEqual(put.body);

    bridge = await startBridge(`analyzer-bridge-registered-${labId}`, [{ labId, deviceAuth }], { BRIDGE_CONNECTIONS_REFRESH_MS: '1000' });
    const instrument = await SimulatedInstrument.connect(oldPort);
    const answers = await instrument.astmTransmission(frames(session(first, '13.1', '4.9')));
    instrument.close();
    expect(answers.every((a) => a === ACK)).toBe(true);
    expect(await instrumentValues(token, reports[0])).toEqual(expect.arrayContaining([
      expect.objectContaining({ index: 4, value: 13.1 }), expect.objectContaining({ index: 5, value: 4.9 }),
    ]));
  });

  it('a new port by PUT: after a refresh the old port refuses and the new one works; a transfer under way on the old one is finished, not cut', async () => {
    // a transmission under way on the old port when the registration changes
    const busy = await SimulatedInstrument.connect(oldPort);
    const records = frames(session(during, '12.2', '4.1'));
    busy.write(Buffer.from([ENQ]));
    expect(await busy.nextByte()).toBe(ACK);
    for (const frame of records.slice(0, 3)) {
      busy.write(frame);
      expect(await busy.nextByte()).toBe(ACK);
    }

    expect((await call('PUT', connection(), { token, body: { protocol: 'astm', port: newPort, profile: 'astm-lis2-a2' } })).body.port).toBe(newPort);
    await eventually(async () => (await refuses(oldPort)) && !(await refuses(newPort)), (moved) => moved, 20_000, 250);

    for (const frame of records.slice(3)) {
      busy.write(frame);
      expect(await busy.nextByte()).toBe(ACK);
    }
    busy.write(Buffer.from([EOT]));
    expect(await instrumentValues(token, reports[1])).toEqual(expect.arrayContaining([expect.objectContaining({ index: 4, value: 12.2 })]));
    busy.close();

    const instrument = await SimulatedInstrument.connect(newPort);
    const answers = await instrument.astmTransmission(frames(session(after, '14.4', '5.2')));
    instrument.close();
    expect(answers.every((a) => a === ACK)).toBe(true);
    expect(await instrumentValues(token, reports[2])).toEqual(expect.arrayContaining([expect.objectContaining({ index: 5, value: 5.2 })]));
  });

  it('DELETE: the listener closes at the next refresh', async () => {
    const deleted = await call('DELETE', connection(), { token });
    expect([deleted.status, deleted.body?.port]).toEqual([200, newPort]);
    await eventually(() => refuses(newPort), (closed) => closed, 20_000, 250);
    expect((await call('GET', connection(), { token })).status).toBe(404);
  });

  it('a gateway that does not answer at start: the device is pending in readiness, the bridge keeps running, and opens the connection once it answers', async () => {
    const late = (await call('POST', '/api-v3/devices', { token, body: { name: 'Late analyzer' } })).body;
    const [instrumentPort, relayPort, httpPort] = [await freePort(), await freePort(), await freePort()];
    expect((await call('PUT', connection(late.id), { token, body: { protocol: 'astm', port: instrumentPort, profile: 'astm-lis2-a2' } })).status).toBe(200);
    const lateBridge = spawnApp('analyzer-bridge', {
      recordPid: false, logName: `analyzer-bridge-late-${labId}`,
      env: {
        PORT: String(httpPort), INSTANCE_ID: `analyzer-bridge-late-${labId}`, BRIDGE_DEVICES: JSON.stringify([{ labId, deviceAuth: late.deviceAuth }]),
        LABFLOW_GATEWAY_URL: `http://127.0.0.1:${relayPort}`, BRIDGE_CONNECTIONS_REFRESH_MS: '1000',
      },
    });
    let relay: Server | undefined;
    try {
      const pending = await eventually(() => readiness(httpPort), (r) => r?.checks?.registrations?.status === 'error', 120_000, 500);
      expect(pending?.status).toBe('error');
      expect(pending?.checks.registrations.error).toMatch(/^devices\[0\] \(lab \d+\): connection pending: not read: gateway unreachable/);
      expect(await refuses(instrumentPort)).toBe(true);

      relay = await relayToGateway(relayPort);
      const ready = await eventually(() => readiness(httpPort), (r) => r?.status === 'ok', 30_000, 250);
      expect(ready?.checks.registrations.status).toBe('ok');
      expect(lateBridge.exitCode).toBeNull(); // it never stopped
      expect(await refuses(instrumentPort)).toBe(false);
    } finally {
      if (lateBridge.pid) await stopPid(lateBridge.pid, 20_000);
      await new Promise<void>((resolve) => (relay ? relay.close(() => resolve()) : resolve()));
    }
  });
});
