import { ACK, ENQ, EOT, NAK } from '../link/control-characters';
import { FakeTimers } from '../link/fake-timers';
import { encodeFrame } from '../astm/astm-frame';
import { InstrumentIntake } from '../intake/instrument-intake';
import { loadProfiles } from '../profiles/profile-registry';
import { InstrumentMessage } from '../results/instrument-message';
import { AstmSession } from './astm-session';
import { parseDeviceConnections } from './device-connection.config';

const profiles = loadProfiles('');
const [device] = parseDeviceConnections(JSON.stringify([{ name: 'd', protocol: 'astm', port: 1, labId: 1, deviceAuth: 'a', profile: 'astm-lis2-a2' }]), profiles);

/** The session over a recording intake: what reaches the store, and when the ACK goes out. */
function harness(store: (raw: string, message: InstrumentMessage | null, withhold?: string) => Promise<void>) {
  const written: number[] = [];
  const intake = { accept: (_d: unknown, raw: Buffer, message: InstrumentMessage | null, _p: string[], o: { withhold?: string }) => store(raw.toString('latin1'), message, o.withhold) };
  const timers = new FakeTimers();
  const sut = new AstmSession(device, profiles.get('astm-lis2-a2')!, intake as unknown as InstrumentIntake, (b) => written.push(...b), timers.start);
  return { sut, written, timers };
}
const settle = () => new Promise((r) => setImmediate(r));

describe('AstmSession', () => {
  const records = ['H|\\^&', 'O|1|S-1||^^^GLU', 'R|1|^^^GLU|5.4|mmol/L||H||F', 'L|1|N'];
  const frames = records.map((r, i) => encodeFrame(i + 1, `${r}\r`, true));

  it('ACKs the frame with the L record only after the message is stored', async () => {
    const stored: string[] = [];
    let release = () => undefined as void;
    const h = harness((raw) => new Promise<void>((resolve) => { stored.push(raw); release = resolve; }));
    h.sut.receive(Buffer.from([ENQ]));
    for (const f of frames) h.sut.receive(f);
    expect(h.written).toEqual([ACK, ACK, ACK, ACK]); // ENQ and three frames; the last one waits
    expect(stored).toEqual([records.map((r) => `${r}\r`).join('')]);
    release();
    await settle();
    expect(h.written).toEqual([ACK, ACK, ACK, ACK, ACK]);
  });

  it('NAKs the last frame when the store fails, and stores the retransmitted message once', async () => {
    const stored: InstrumentMessage[] = [];
    let fail = true;
    const h = harness(async (_raw, message) => {
      if (fail) throw new Error('store down');
      stored.push(message!);
    });
    h.sut.receive(Buffer.from([ENQ]));
    for (const f of frames) h.sut.receive(f);
    await settle();
    expect(h.written.slice(-1)).toEqual([NAK]);
    fail = false;
    h.sut.receive(frames[3]);
    await settle();
    h.sut.receive(Buffer.from([EOT]));
    expect(h.written.slice(-1)).toEqual([ACK]);
    expect(stored).toHaveLength(1);
    expect(stored[0].samples[0].results.map((r) => [r.code, r.value, r.flags])).toEqual([['GLU', '5.4', ['H']]]);
  });

  it('stores a message the instrument ended with EOT but no L; withholds one cut off by the 30 s timeout', async () => {
    const calls: (string | undefined)[] = [];
    const h = harness(async (_raw, _m, withhold) => { calls.push(withhold); });
    h.sut.receive(Buffer.from([ENQ]));
    for (const f of frames.slice(0, 3)) h.sut.receive(f);
    h.sut.receive(Buffer.from([EOT]));
    await settle();
    h.sut.receive(Buffer.from([ENQ]));
    for (const f of frames.slice(0, 2)) h.sut.receive(f);
    h.timers.advance(30_000);
    await settle();
    expect(calls).toEqual([undefined, 'transmission timed out before EOT: kept, not uploaded']);
  });

  it('is idle (a drain may close it) only between messages: not during a transmission nor while its last frame is stored', async () => {
    let release = () => undefined as void;
    const h = harness(() => new Promise<void>((resolve) => { release = resolve; }));
    expect(h.sut.idle()).toBe(true);
    h.sut.receive(Buffer.from([ENQ]));
    expect(h.sut.idle()).toBe(false);
    for (const f of frames) h.sut.receive(f);
    h.sut.receive(Buffer.from([EOT])); // held behind the store, as the ACK is
    expect(h.sut.idle()).toBe(false);
    release();
    await settle();
    expect(h.sut.idle()).toBe(true);
  });
});
