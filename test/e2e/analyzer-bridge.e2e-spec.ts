import { ChildProcess, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client as PgClient } from 'pg';
import { call, eventually, freshLabId } from '@labflow/testing';
import { currentEnvironment, stopPid } from '@labflow/tools/dev';
import { bridgeLab, freePort, instrumentValues, startBridge } from './support/analyzer-bridge-fixtures';
import { registerPatient } from './lab-fixtures';
import { astmFrame, mllp, SimulatedInstrument } from './support/simulated-instrument';

const ACK = 0x06;
const NAK = 0x15;

/**
 * The analyzer bridge end to end: a bridge instance with two instruments configured (ASTM over TCP
 * with a lab's own vendor profile and non-default delimiters, HL7 over MLLP), real sockets on
 * 127.0.0.1, the uploads through the gateway, the values read back from report entry.
 */
describe('analyzer bridge: instruments over TCP → gateway → report entry', () => {
  const labId = freshLabId();
  const astmSample = `BA${labId}`;
  const hl7Sample = `BH${labId}`;
  let token: string;
  let testId: number;
  let astmReport: number;
  let hl7Report: number;
  let bridge: ChildProcess;
  let astmPort: number;
  let hl7Port: number;
  let profilesDir: string;
  let pg: PgClient;

  beforeAll(async () => {
    let deviceAuth: string;
    ({ token, deviceAuth, testId, reports: [astmReport, hl7Report] } = await bridgeLab(labId, [astmSample, hl7Sample]));
    profilesDir = mkdtempSync(join(tmpdir(), 'bridge-profiles-'));
    writeFileSync(join(profilesDir, 'e2e-haematology.json'), JSON.stringify({
      name: 'e2e-haematology', protocol: 'astm', reportFlags: { codes: ['Blasts?'] }, testNames: { HGB: 'hmg', RBC: 'rbc' },
    }));
    [astmPort, hl7Port] = [await freePort(), await freePort()];
    const common = { labId, deviceAuth, host: '127.0.0.1' };
    bridge = await startBridge(`analyzer-bridge-e2e-${labId}`, [
      { ...common, name: `astm-${labId}`, protocol: 'astm', port: astmPort, profile: 'e2e-haematology' },
      { ...common, name: `hl7-${labId}`, protocol: 'hl7', port: hl7Port, profile: 'hl7-v2' },
    ], { BRIDGE_PROFILES_DIR: profilesDir });
    pg = new PgClient({ connectionString: currentEnvironment().variables.POSTGRES_URL });
    await pg.connect();
  });

  afterAll(async () => {
    await pg?.end();
    if (bridge?.pid) await stopPid(bridge.pid, 20_000);
    rmSync(profilesDir, { recursive: true, force: true });
  });

  it('ASTM: NAKs a corrupted frame, takes its retransmission, joins ETB frames, wraps FN past 7; the values, param_flags and test_flags reach report entry', async () => {
    const instrument = await SimulatedInstrument.connect(astmPort);
    // non-default delimiters (field !, repeat @, component #, escape $), declared by the H record
    const records = [
      'H!@#$!!!SIM-HEM#1.0!!!!!!!P!1',
      'P!1!!PID-1',
      `O!1!${astmSample}!!###HGB@###RBC!R`,
      'R!1!###HGB!6.4!g$F$dL!12-16!LL@A!!F',
      'C!1!I!checked on a second aspiration!G',
      'R!2!###RBC!4.10!mill/cumm!4.5-5.5!L!!F',
      'R!3!###Blasts?!1!!!!!F',
      'R!4!###XYZ!7!!!!!F',
      'L!1!N',
    ];
    const texts = records.map((r) => `${r}\r`);
    // the RBC record travels in two frames joined across ETB
    const split = texts[5];
    const pieces: [string, boolean][] = [...texts.slice(0, 5).map((t): [string, boolean] => [t, true]),
      [split.slice(0, 12), false], [split.slice(12), true], ...texts.slice(6).map((t): [string, boolean] => [t, true])];
    const frames = pieces.map(([text, final], i) => astmFrame((i + 1) % 8, text, final));
    expect(frames.length).toBeGreaterThan(8); // frame numbers 1..7, 0, 1, 2

    const corrupted = Buffer.from(frames[3]);
    corrupted[corrupted.length - 4] = corrupted[corrupted.length - 4] === 0x30 ? 0x31 : 0x30;
    const answers = await instrument.astmTransmission([...frames.slice(0, 3), corrupted, ...frames.slice(3)]);
    expect(answers).toEqual([ACK, ACK, ACK, ACK, NAK, ...frames.slice(3).map(() => ACK)]);
    instrument.close();

    // the last ACK came after the message was stored: its raw text is there
    const stored = await pg.query(`SELECT raw, problems FROM analyzer_bridge.instrument_messages WHERE device = $1`, [`astm-${labId}`]);
    expect(stored.rows).toHaveLength(1);
    expect(Buffer.from(stored.rows[0].raw).toString('latin1')).toBe(texts.join(''));

    const values = await instrumentValues(token, astmReport);
    expect(values).toEqual([
      expect.objectContaining({ index: 4, value: 6.4, test_flags: ['Blasts?'], param_flags: ['LL', 'A'] }),
      expect.objectContaining({ index: 5, value: 4.1, test_flags: ['Blasts?'], param_flags: ['L'] }),
    ]);
    // the code the lab did not map did not fail the upload, and is kept beside it
    const upload = await pg.query(`SELECT status, payload FROM analyzer_bridge.uploads WHERE device = $1`, [`astm-${labId}`]);
    expect(upload.rows[0].status).toBe('delivered');
    expect(upload.rows[0].payload.device_extra_data.unmapped).toEqual([{ testName: 'XYZ', value: 7, param_flags: [] }]);
    expect(upload.rows[0].payload.device_extra_data.results[0]).toMatchObject({ code: 'HGB', units: 'g!dL', range: '12-16', status: 'F', comments: ['checked on a second aspiration'] });
  });

  it('ASTM: a QC run is stored apart and not uploaded', async () => {
    const instrument = await SimulatedInstrument.connect(astmPort);
    const records = ['H|\\^&', `O|1|QC-${labId}||^^^HGB|||||||Q`, 'R|1|^^^HGB|13.0|g/dL||N||F', 'L|1|N'];
    const answers = await instrument.astmTransmission(records.map((r, i) => astmFrame(i + 1, `${r}\r`, true)));
    expect(answers.every((a) => a === ACK)).toBe(true);
    instrument.close();
    const qc = await pg.query(`SELECT sample_id, results FROM analyzer_bridge.qc_results WHERE device = $1`, [`astm-${labId}`]);
    expect(qc.rows).toEqual([{ sample_id: `QC-${labId}`, results: [expect.objectContaining({ code: 'HGB', value: '13.0' })] }]);
    const uploads = await pg.query(`SELECT sample_id FROM analyzer_bridge.uploads WHERE device = $1`, [`astm-${labId}`]);
    expect(uploads.rows.map((r) => r.sample_id)).toEqual([astmSample]);
  });

  it('HL7: an ORU^R01 over MLLP is answered AA with its control id, and its values and flags reach report entry', async () => {
    const instrument = await SimulatedInstrument.connect(hl7Port);
    instrument.write(mllp([
      'MSH|^~\\&|SIM|LAB|LABFLOW|LAB|20260525083000||ORU^R01^ORU_R01|CTRL-1|P|2.5.1',
      'PID|1||PID-2',
      `OBR|1||${hl7Sample}|CBC^Blood count`,
      'OBX|1|NM|hmg^Haemoglobin||13.2|g/dL|12-16|N~A|||F',
      'OBX|2|NM|rbc^RBC||4.8|mill/cumm|4.5-5.5||||F',
      'OBX|3|IS|FLAG^Instrument flag||Left shift?||||||F',
    ].join('\r')));
    const ack = await instrument.nextMllp();
    instrument.close();
    expect(ack.split('\r')[1]).toBe('MSA|AA|CTRL-1|');
    expect(ack.split('\r')[0]).toMatch(/^MSH\|\^~\\&\|LABFLOW\|LAB\|SIM\|LAB\|\d{14}\|\|ACK\^R01\^ACK\|/);
    const values = await instrumentValues(token, hl7Report);
    expect(values).toEqual([
      expect.objectContaining({ index: 4, value: 13.2, test_flags: ['Left shift?'], param_flags: ['N', 'A'] }),
      expect.objectContaining({ index: 5, value: 4.8, test_flags: ['Left shift?'], param_flags: [] }),
    ]);
  });

  it('HL7: an OUL^R22 for a sample the lab does not have is answered AE with the gateway\'s reason', async () => {
    const instrument = await SimulatedInstrument.connect(hl7Port);
    instrument.write(mllp([
      'MSH|^~\\&|SIM|LAB|LABFLOW|LAB|20260525083000||OUL^R22^OUL_R22|CTRL-2|P|2.5.1',
      `SPM|1|NOPE-${labId}||BLD`,
      'OBR|1|||CBC',
      'OBX|1|NM|hmg||12.0|g/dL||N|||F',
    ].join('\r')));
    const ack = await instrument.nextMllp();
    instrument.close();
    expect(ack).toContain(`\rMSA|AE|CTRL-2|sample NOPE-${labId}: 404 Sample not found (SAMPLE_NOT_FOUND)\r`);
    const refused = await pg.query(`SELECT status, last_status FROM analyzer_bridge.uploads WHERE sample_id = $1`, [`NOPE-${labId}`]);
    expect(refused.rows).toEqual([{ status: 'refused', last_status: 404 }]);
  });

  it('replay command: lists, refuses unknown flags, and replays a refused upload after the cause is fixed', async () => {
    const replay = (...args: string[]) => spawnSync('node', ['-r', './tools/runtime/register-aliases.js', 'dist/apps/analyzer-bridge/src/cli/replay.js', ...args], {
      encoding: 'utf8', env: { ...process.env, POSTGRES_URL: currentEnvironment().variables.POSTGRES_URL },
    });
    expect(replay('--help')).toMatchObject({ status: 0, stdout: expect.stringContaining('Usage: npm run bridge:replay') });
    expect(replay('--list', '--bogus')).toMatchObject({ status: 2, stderr: expect.stringContaining("Unknown option '--bogus'") });
    expect(replay('--list', '--all').status).toBe(2);
    const sampleId = `NOPE-${labId}`;
    const [refused] = (await pg.query(`SELECT id FROM analyzer_bridge.uploads WHERE sample_id = $1`, [sampleId])).rows;
    const listed = replay('--list', '--device', `hl7-${labId}`);
    expect(listed.status).toBe(0);
    expect(listed.stdout).toContain(`${refused.id}  hl7-${labId}  sample ${sampleId}  refused`);

    // the cause fixed: the lab registers the sample; the replayed upload is delivered
    const registered = await registerPatient(token, sampleId, [testId]);
    const replayed = replay('--upload', refused.id);
    expect(replayed).toMatchObject({ status: 0, stdout: expect.stringContaining(`replaying ${refused.id}`) });
    await eventually(async () => (await pg.query(`SELECT status FROM analyzer_bridge.uploads WHERE id = $1`, [refused.id])).rows[0].status, (s) => s === 'delivered', 30_000);
    const values = await eventually(
      async () => ((await call('GET', `/getReportFormatForTestEntry/?labReportId=${registered.labReports[0].labReportId}&isSigned=0`, { token })).body.value ?? []) as { index: number; value: unknown }[],
      (v) => v.some((x) => x.index === 4), 30_000,
    );
    expect(String(values.find((v) => v.index === 4)?.value)).toMatch(/^12(\.0)?$/);
    expect(replay('--upload', refused.id)).toMatchObject({ status: 1, stderr: expect.stringContaining('no refused or dead-lettered upload') });
  });
});
