import { ChildProcess } from 'node:child_process';
import { call, eventually, freshLabId } from '@labflow/testing';
import { stopPid } from '@labflow/tools/dev';
import { bridgeLab, freePort, instrumentValues, startBridge } from './support/analyzer-bridge-fixtures';
import { astmFrame, mllp, SimulatedInstrument } from './support/simulated-instrument';

const ACK = 0x06;
const frames = (records: string[]) => records.map((r, i) => astmFrame((i + 1) % 8, `${r}\r`, true));

/**
 * Host queries and reruns end to end: an instrument asks for a sample's work order (ASTM Q record,
 * HL7 QBP^Q11) and the bridge answers from LabFlow (the gateway's work-order read: device-ingestion,
 * reporting, rerun); a result for a sample with an open rerun goes to `/new` and shows in the rerun values.
 */
describe('analyzer bridge: host queries answered, rerun results routed to /new', () => {
  const labId = freshLabId();
  const rerunSample = `QR${labId}`;
  const doneSample = `QD${labId}`;
  let token: string;
  let rerunReport: number;
  let doneReport: number;
  let bridge: ChildProcess;
  let astmPort: number;
  let hl7Port: number;

  beforeAll(async () => {
    let deviceAuth: string;
    ({ token, deviceAuth, reports: [rerunReport, doneReport] } = await bridgeLab(labId, [rerunSample, doneSample]));
    [astmPort, hl7Port] = [await freePort(), await freePort()];
    const common = { labId, deviceAuth, host: '127.0.0.1' };
    bridge = await startBridge(`analyzer-bridge-query-${labId}`, [
      { ...common, name: `astm-q-${labId}`, protocol: 'astm', port: astmPort, profile: 'astm-lis2-a2' },
      { ...common, name: `hl7-q-${labId}`, protocol: 'hl7', port: hl7Port, profile: 'hl7-v2' },
    ], { LABFLOW_GATEWAY_TOKEN: token });

    // both samples measured once (normal values: no auto rerun), then a rerun of haemoglobin requested on one
    const instrument = await SimulatedInstrument.connect(astmPort);
    for (const sample of [rerunSample, doneSample]) {
      const answers = await instrument.astmTransmission(frames(['H|\\^&', 'P|1', `O|1|${sample}||^^^hmg\\^^^rbc`, 'R|1|^^^hmg|13.1|g/dL||N||F', 'R|2|^^^rbc|4.9|mill/cumm||N||F', 'L|1|N']));
      expect(answers.every((a) => a === ACK)).toBe(true);
    }
    instrument.close();
    await instrumentValues(token, rerunReport);
    await instrumentValues(token, doneReport);
    const requested = await call('POST', `/api-v3/sample-rerun/${rerunReport}/request`, {
      token, body: { type: 'Manual', rerun_number: '1', requested_parameters: '[4]', parameter_names: ['Haemoglobin'], is_active: true, lab_id: labId },
    });
    expect(requested.status).toBe(200);
  });

  afterAll(async () => {
    if (bridge?.pid) await stopPid(bridge.pid, 20_000);
  });

  const query = async (sampleId: string): Promise<string[]> => {
    const instrument = await SimulatedInstrument.connect(astmPort);
    try {
      // LIS2-A2 Q record: Q.3 starting range id (patient id ^ specimen id), Q.5 universal test id ALL, Q.13 status O (orders)
      const answers = await instrument.astmTransmission(frames(['H|\\^&|||SIM-CHEM', `Q|1|^${sampleId}||^^^ALL||||||||O`, 'L|1|N']));
      expect(answers.every((a) => a === ACK)).toBe(true);
      return await instrument.receiveAstmTransmission();
    } finally {
      instrument.close();
    }
  };

  it('ASTM: a Q record for a sample with an open rerun is answered with only the requested parameter', async () => {
    const records = await eventually(() => query(rerunSample), (r) => r.some((x) => x.startsWith('O|')), 20_000);
    expect(records[0]).toMatch(/^H\|\\\^&\|\|\|LABFLOW\|\|\|\|\|\|\|P\|LIS2-A2\|\d{14}$/);
    expect(records.slice(1)).toEqual(['P|1', `O|1|${rerunSample}||^^^hmg|R||||||A||||||||||||||Q`, 'L|1|N']);
  });

  it('ASTM: a Q record for a sample with nothing to do gets report type Y and termination code I', async () => {
    const records = await query(doneSample);
    expect(records.slice(1)).toEqual(['P|1', `O|1|${doneSample}||^^^ALL|||||||||||||||||||||Y`, 'L|1|I']);
    const unknown = await query(`NONE${labId}`);
    expect(unknown.slice(1)).toEqual(['P|1', `O|1|NONE${labId}||^^^ALL|||||||||||||||||||||Z`, 'L|1|I']);
  });

  it('HL7: a QBP^Q11 is answered RSP^K11 with the open rerun\'s parameter', async () => {
    const instrument = await SimulatedInstrument.connect(hl7Port);
    instrument.write(mllp([
      'MSH|^~\\&|SIM|LAB|LABFLOW|LAB|20260525083000||QBP^Q11^QBP_Q11|Q-1|P|2.5.1',
      `QPD|WOS^Work Order Step^IHE_LABTF|TAG-1|${rerunSample}`,
      'RCP|I||R',
    ].join('\r')));
    const answer = (await instrument.nextMllp()).split('\r').filter(Boolean);
    instrument.close();
    expect(answer[0]).toMatch(/^MSH\|\^~\\&\|LABFLOW\|LAB\|SIM\|LAB\|\d{14}\|\|RSP\^K11\^RSP_K11\|/);
    expect(answer.slice(1)).toEqual([
      'MSA|AA|Q-1|', 'QAK|TAG-1|OK|WOS^Work Order Step^IHE_LABTF', `QPD|WOS^Work Order Step^IHE_LABTF|TAG-1|${rerunSample}`,
      `SPM|1|${rerunSample}`, `ORC|NW|${rerunSample}`, `OBR|1||${rerunSample}|hmg`,
    ]);
  });

  it('the rerun result goes to /new and shows in the report\'s rerun values (seed 000 §1), not as a first fill', async () => {
    const instrument = await SimulatedInstrument.connect(astmPort);
    const answers = await instrument.astmTransmission(frames(['H|\\^&', 'P|1', `O|1|${rerunSample}||^^^hmg`, 'R|1|^^^hmg|14.2|g/dL||N||F', 'L|1|N']));
    expect(answers.every((a) => a === ACK)).toBe(true);
    instrument.close();
    const reruns = await eventually(
      async () => (await call('GET', `/api-v3/sample-rerun/${rerunReport}`, { token })).body.reruns ?? [],
      (r: unknown[]) => r.length > 0, 30_000,
    );
    expect(reruns).toEqual([expect.objectContaining({ index: 4, value: '14.2', rerun_number: 1, rerun_type: 'manual_rerun', sample_id: rerunSample, parameter_name: 'Haemoglobin' })]);
    // the report's own value is still the first one until the rerun is confirmed
    const values = await instrumentValues(token, rerunReport);
    expect(values).toEqual(expect.arrayContaining([expect.objectContaining({ index: 4, value: 13.1 })]));
  });

  it('a correction (R.9 C) without an open rerun is an instrument-triggered rerun (rerun_number -1)', async () => {
    const instrument = await SimulatedInstrument.connect(astmPort);
    const answers = await instrument.astmTransmission(frames(['H|\\^&', 'P|1', `O|1|${doneSample}||^^^rbc`, 'R|1|^^^rbc|5.1|mill/cumm||N||C', 'L|1|N']));
    expect(answers.every((a) => a === ACK)).toBe(true);
    instrument.close();
    const reruns = await eventually(
      async () => (await call('GET', `/api-v3/sample-rerun/${doneReport}`, { token })).body.reruns ?? [],
      (r: unknown[]) => r.length > 0, 30_000,
    );
    expect(reruns).toEqual([expect.objectContaining({ index: 5, value: '5.1', rerun_type: 'instrument_rerun', sample_id: doneSample, parameter_name: 'RBC' })]);
  });
});
