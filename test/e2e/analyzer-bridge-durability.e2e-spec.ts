import { ChildProcess } from 'node:child_process';
import { Client as PgClient } from 'pg';
import { eventually, freshLabId, TopicProbe } from '@labflow/testing';
import { currentEnvironment, stopPid } from '@labflow/tools/dev';
import { bridgeLab, freePort, instrumentValues, startBridge } from './support/analyzer-bridge-fixtures';
import { astmFrame, SimulatedInstrument } from './support/simulated-instrument';

const ACK = 0x06;

/**
 * Nothing an instrument was acknowledged for is lost, or applied twice: the bridge is SIGKILLed with
 * acknowledged results it could not deliver (the gateway unreachable), a new instance delivers them
 * once; an upload whose answer was lost (the crash between the gateway's 200 and the bridge's
 * bookkeeping, made by hand here) is sent again with its Idempotency-Key and applied once.
 */
describe('analyzer bridge durability: SIGKILL with acknowledged, undelivered results', () => {
  const labId = freshLabId();
  const sampleId = `BD${labId}`;
  const deviceName = `astm-durable-${labId}`;
  let token: string;
  let report: number;
  let devices: object[];
  let port: number;
  let bridge: ChildProcess | null = null;
  let probe: TopicProbe;
  let pg: PgClient;
  const received = () => probe.matching((m) => m.topic === 'device.data.received' && m.envelope.payload.labId === labId);

  beforeAll(async () => {
    let deviceAuth: string;
    ({ token, deviceAuth, reports: [report] } = await bridgeLab(labId, [sampleId]));
    port = await freePort();
    devices = [{ name: deviceName, protocol: 'astm', port, labId, deviceAuth, profile: 'astm-lis2-a2' }];
    probe = await TopicProbe.start(['device.data.received']);
    pg = new PgClient({ connectionString: currentEnvironment().variables.POSTGRES_URL });
    await pg.connect();
  });

  afterAll(async () => {
    await probe?.stop();
    await pg?.end();
    if (bridge?.pid) await stopPid(bridge.pid, 20_000);
  });

  const uploadRow = async () => (await pg.query(
    `SELECT id, status, attempts, last_error FROM analyzer_bridge.uploads WHERE device = $1`, [deviceName],
  )).rows;

  it('holds acknowledged results while the gateway is unreachable, and a restarted bridge applies them once', async () => {
    const nowhere = `http://127.0.0.1:${await freePort()}`;
    bridge = await startBridge(`analyzer-bridge-durable-1-${labId}`, devices, { LABFLOW_GATEWAY_URL: nowhere, DELIVERY_BACKOFF_MS: '100', DELIVERY_MAX_BACKOFF_MS: '200' });
    const instrument = await SimulatedInstrument.connect(port);
    const records = ['H|\\^&', `O|1|${sampleId}||^^^hmg`, 'R|1|^^^hmg|7.1|g/dL|12-16|L||F', 'R|2|^^^rbc|3.9|mill/cumm||L||F', 'L|1|N'];
    const answers = await instrument.astmTransmission(records.map((r, i) => astmFrame(i + 1, `${r}\r`, true)));
    expect(answers.every((a) => a === ACK)).toBe(true);
    instrument.close();
    await eventually(uploadRow, (rows) => rows.length === 1 && rows[0].attempts >= 2);
    const [held] = await uploadRow();
    expect(held).toMatchObject({ status: 'pending' });
    expect(held.last_error).toMatch(/^gateway unreachable/);

    process.kill(bridge.pid!, 'SIGKILL');
    bridge = await startBridge(`analyzer-bridge-durable-2-${labId}`, devices);
    const values = await instrumentValues(token, report);
    expect(values).toEqual([
      expect.objectContaining({ index: 4, value: 7.1, param_flags: ['L'] }),
      expect.objectContaining({ index: 5, value: 3.9, param_flags: ['L'] }),
    ]);
    await eventually(uploadRow, (rows) => rows[0].status === 'delivered');
    await new Promise((r) => setTimeout(r, 1000));
    expect(received()).toHaveLength(1);
  });

  it('an upload sent again after its answer was lost is applied once (Idempotency-Key)', async () => {
    const [delivered] = await uploadRow();
    // the state a crash between the gateway's 200 and the bridge's own update leaves
    await pg.query(`UPDATE analyzer_bridge.uploads SET status = 'pending', next_attempt_at = now(), settled_at = NULL WHERE id = $1`, [delivered.id]);
    await eventually(uploadRow, (rows) => rows[0].status === 'delivered' && rows[0].attempts > delivered.attempts);
    await new Promise((r) => setTimeout(r, 1500));
    expect(received()).toHaveLength(1);
  });
});
