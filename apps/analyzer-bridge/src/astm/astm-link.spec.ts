import { ACK, ENQ, EOT, NAK } from '../link/control-characters';
import { FakeTimers } from '../link/fake-timers';
import { encodeFrame, frameMessage } from './astm-frame';
import { ReadFrame } from './astm-frame-reader';
import { AstmLink, AstmLinkEvent } from './astm-link';
import { AstmTolerance, STANDARD_TOLERANCE } from './astm-tolerance';

const byte = (b: number) => Buffer.from([b]);
const raw = (s: string) => Buffer.from(s, 'latin1');

function harness(tolerance: Partial<AstmTolerance> = {}, deliver?: (f: ReadFrame) => void | Promise<void>) {
  const timers = new FakeTimers();
  const written: number[][] = [];
  const frames: ReadFrame[] = [];
  const events: AstmLinkEvent['type'][] = [];
  const sut = new AstmLink({
    write: (b) => written.push([...b]),
    frame: (f) => {
      frames.push(f);
      return deliver?.(f);
    },
    event: (e) => events.push(e.type),
  }, timers.start, { ...STANDARD_TOLERANCE, ...tolerance });
  const replies = () => written.filter((w) => w.length === 1).map((w) => w[0]);
  return { sut, timers, written, frames, events, replies };
}

describe('AstmLink receiving (E1381)', () => {
  it('a clean session: ENQ → ACK, each frame ACKed and delivered, EOT ends it', () => {
    const h = harness();
    h.sut.receive(byte(ENQ));
    for (const f of frameMessage(['H|\\^&', 'R|1|^^^GLU|5.4', 'L|1|N'])) h.sut.receive(f);
    h.sut.receive(byte(EOT));
    expect(h.replies()).toEqual([ACK, ACK, ACK, ACK]);
    expect(h.frames.map((f) => f.text)).toEqual(['H|\\^&\r', 'R|1|^^^GLU|5.4\r', 'L|1|N\r']);
    expect(h.events).toEqual(['receive-started', 'receive-ended']);
    expect(h.sut.stateName).toBe('idle');
  });

  it('NAKs a corrupted checksum and accepts the retransmitted frame once', () => {
    const h = harness();
    h.sut.receive(byte(ENQ));
    const good = encodeFrame(1, 'H|\\^&\r', true);
    const corrupted = Buffer.from(good);
    corrupted[good.length - 4] = 0x30; // the first checksum digit
    h.sut.receive(corrupted);
    h.sut.receive(good);
    expect(h.replies()).toEqual([ACK, NAK, ACK]);
    expect(h.frames).toHaveLength(1);
    expect(h.events).toContain('frame-refused');
  });

  it('NAKs a frame corrupted in its text (the checksum no longer matches)', () => {
    const h = harness();
    h.sut.receive(byte(ENQ));
    const frame = encodeFrame(1, 'R|1|^^^GLU|5.4\r', true);
    frame[8] = 0x39;
    h.sut.receive(frame);
    expect(h.replies()).toEqual([ACK, NAK]);
    expect(h.frames).toHaveLength(0);
  });

  it('accepts frame numbers wrapping 1..7, 0, 1', () => {
    const h = harness();
    h.sut.receive(byte(ENQ));
    const numbers = [1, 2, 3, 4, 5, 6, 7, 0, 1, 2];
    for (const n of numbers) h.sut.receive(encodeFrame(n, `R|${n}\r`, true));
    expect(h.frames.map((f) => f.frameNumber)).toEqual(numbers);
    expect(h.replies().every((r) => r === ACK)).toBe(true);
  });

  it('NAKs an unexpected frame number; ACKs and drops a repeat of the frame just accepted', () => {
    const h = harness();
    h.sut.receive(byte(ENQ));
    h.sut.receive(encodeFrame(1, 'H|\\^&\r', true));
    h.sut.receive(encodeFrame(1, 'H|\\^&\r', true)); // our ACK was lost
    h.sut.receive(encodeFrame(3, 'P|1\r', true));
    expect(h.replies()).toEqual([ACK, ACK, ACK, NAK]);
    expect(h.frames).toHaveLength(1);
  });

  it('accepts a trailer without CR LF, or with CR only, and frames far longer than 240 characters', () => {
    const h = harness();
    h.sut.receive(byte(ENQ));
    h.sut.receive(encodeFrame(1, 'H|\\^&\r', true).subarray(0, -2));
    h.sut.receive(encodeFrame(2, `R|1|${'9'.repeat(2000)}\r`, true).subarray(0, -1));
    h.sut.receive(encodeFrame(3, 'L|1\r', true));
    expect(h.frames.map((f) => f.text.length)).toEqual([6, 2005, 4]);
    expect(h.replies()).toEqual([ACK, ACK, ACK, ACK]);
  });

  it('NAKs a frame over the profile\'s size limit', () => {
    const h = harness({ maxFrameBytes: 100 });
    h.sut.receive(byte(ENQ));
    h.sut.receive(encodeFrame(1, 'x'.repeat(200), true));
    expect(h.replies()).toEqual([ACK, NAK]);
  });

  it('delivers ETB frames separately, flagged not final, for the session to join', () => {
    const h = harness();
    h.sut.receive(byte(ENQ));
    h.sut.receive(encodeFrame(1, 'R|1|^^^G', false));
    h.sut.receive(encodeFrame(2, 'LU|5.4\r', true));
    expect(h.frames.map((f) => [f.text, f.final])).toEqual([['R|1|^^^G', false], ['LU|5.4\r', true]]);
  });

  it('without a frame number: NAKed by default, accepted when the profile says it may be missing', () => {
    const strict = harness();
    strict.sut.receive(byte(ENQ));
    strict.sut.receive(raw('\x02H|\\^&\r\x03'));
    strict.sut.receive(raw('00\r\n'));
    expect(strict.replies()).toEqual([ACK, NAK]);

    const tolerant = harness({ frameNumber: 'optional', checksum: 'none' });
    tolerant.sut.receive(byte(ENQ));
    tolerant.sut.receive(raw('\x02H|\\^&\r\x03\r\n\x02L|1\r\x03'));
    expect(tolerant.frames.map((f) => [f.frameNumber, f.text])).toEqual([[null, 'H|\\^&\r'], [null, 'L|1\r']]);
    expect(tolerant.replies()).toEqual([ACK, ACK, ACK]);
  });

  it('an optional checksum is verified when present and skipped when absent', () => {
    const h = harness({ checksum: 'optional' });
    h.sut.receive(byte(ENQ));
    h.sut.receive(raw('\x021H|\\^&\r\x03\r\n'));
    h.sut.receive(encodeFrame(2, 'P|1\r', true));
    const bad = encodeFrame(3, 'L|1\r', true);
    bad[bad.length - 3] = 0x30;
    h.sut.receive(bad);
    expect(h.replies()).toEqual([ACK, ACK, ACK, NAK]);
  });

  it('gives up on a silent sender after 30 s', () => {
    const h = harness();
    h.sut.receive(byte(ENQ));
    h.sut.receive(encodeFrame(1, 'H|\\^&\r', true));
    h.timers.advance(29_999);
    expect(h.sut.stateName).toBe('receiving');
    h.timers.advance(1);
    expect(h.events).toEqual(['receive-started', 'receive-timeout']);
    expect(h.sut.stateName).toBe('idle');
  });

  it('holds the ACK of a frame until its delivery settles: resolved → ACK, rejected → NAK', async () => {
    let settle: { resolve: () => void; reject: (e: Error) => void } = { resolve: () => undefined, reject: () => undefined };
    const h = harness({}, () => new Promise<void>((resolve, reject) => { settle = { resolve, reject }; }));
    h.sut.receive(byte(ENQ));
    h.sut.receive(encodeFrame(1, 'L|1\r', true));
    h.sut.receive(byte(0x0d)); // bytes arriving meanwhile wait for the decision
    expect(h.replies()).toEqual([ACK]);
    settle.reject(new Error('store down'));
    await new Promise((r) => setImmediate(r));
    expect(h.replies()).toEqual([ACK, NAK]);
    h.sut.receive(encodeFrame(1, 'L|1\r', true));
    settle.resolve();
    await new Promise((r) => setImmediate(r));
    expect(h.replies()).toEqual([ACK, NAK, ACK]);
    h.sut.receive(byte(EOT));
    expect(h.events).toContain('receive-ended');
  });
});

describe('AstmLink sending (E1381)', () => {
  const message = () => frameMessage(['H|\\^&', 'L|1|N']);

  it('sends ENQ, the frames one ACK at a time, then EOT', async () => {
    const h = harness();
    const sent = h.sut.send(message());
    expect(h.written).toEqual([[ENQ]]);
    h.sut.receive(byte(ACK));
    h.sut.receive(byte(ACK));
    h.sut.receive(byte(ACK));
    await sent;
    expect(h.written.map((w) => (w.length === 1 ? w[0] : 'frame'))).toEqual([ENQ, 'frame', 'frame', EOT]);
    expect(h.events).toEqual(['send-done']);
  });

  it('retransmits a NAKed frame, and gives up with EOT after six attempts', async () => {
    const h = harness();
    const sent = h.sut.send(message());
    h.sut.receive(byte(ACK));
    for (let i = 0; i < 6; i++) h.sut.receive(byte(NAK));
    await expect(sent).rejects.toThrow('frame refused 6 times');
    const frames = h.written.filter((w) => w.length > 1);
    expect(frames).toHaveLength(6);
    expect(new Set(frames.map((f) => Buffer.from(f).toString('latin1'))).size).toBe(1);
    expect(h.written[h.written.length - 1]).toEqual([EOT]);
  });

  it('ends with EOT when a frame is not answered in 15 s', async () => {
    const h = harness();
    const sent = h.sut.send(message());
    h.sut.receive(byte(ACK));
    h.timers.advance(15_000);
    await expect(sent).rejects.toThrow('no answer to a frame');
    expect(h.written[h.written.length - 1]).toEqual([EOT]);
  });

  it('waits 10 s and tries again when the instrument answers ENQ with NAK (busy)', () => {
    const h = harness();
    void h.sut.send(message()).catch(() => undefined);
    h.sut.receive(byte(NAK));
    h.timers.advance(9_999);
    expect(h.written).toEqual([[ENQ]]);
    h.timers.advance(1);
    expect(h.written).toEqual([[ENQ], [ENQ]]);
  });

  it('on contention yields to the instrument, answers its next ENQ, and sends after its EOT', async () => {
    const h = harness();
    const sent = h.sut.send(message());
    h.sut.receive(byte(ENQ)); // both sides sent ENQ
    expect(h.written).toEqual([[ENQ]]);
    expect(h.events).toEqual(['contention']);
    h.timers.advance(1_000);
    h.sut.receive(byte(ENQ)); // the instrument tries again
    expect(h.written).toEqual([[ENQ], [ACK]]);
    h.sut.receive(encodeFrame(1, 'H|\\^&\r', true));
    h.sut.receive(byte(EOT));
    expect(h.frames).toHaveLength(1);
    expect(h.written[h.written.length - 1]).toEqual([ENQ]); // our turn now
    h.sut.receive(byte(ACK));
    h.sut.receive(byte(ACK));
    h.sut.receive(byte(ACK));
    await sent;
  });

  it('retries 20 s after contention when the instrument does not start', () => {
    const h = harness();
    void h.sut.send(message()).catch(() => undefined);
    h.sut.receive(byte(ENQ));
    h.timers.advance(20_000);
    expect(h.written).toEqual([[ENQ], [ENQ]]);
  });

  it('with the ack-first profile answers the contending ENQ at once', () => {
    const h = harness({ contention: 'ack-first' });
    void h.sut.send(message()).catch(() => undefined);
    h.sut.receive(byte(ENQ));
    expect(h.written).toEqual([[ENQ], [ACK]]);
    expect(h.sut.stateName).toBe('receiving');
  });
});
