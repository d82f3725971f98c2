import { connect, Socket } from 'node:net';

const ENQ = 0x05;
const EOT = 0x04;
const ACK = 0x06;

/**
 * An instrument on the other end of a real TCP socket: writes bytes, and reads the bridge's answers
 * (single ASTM control bytes, or MLLP blocks) in order.
 */
export class SimulatedInstrument {
  private buffer = Buffer.alloc(0);
  private wake: (() => void) | null = null;

  private constructor(private readonly socket: Socket) {
    socket.on('data', (chunk: Buffer) => {
      this.buffer = Buffer.concat([this.buffer, chunk]);
      this.wake?.();
    });
  }

  static async connect(port: number): Promise<SimulatedInstrument> {
    const socket = connect({ host: '127.0.0.1', port });
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', resolve);
      socket.once('error', reject);
    });
    return new SimulatedInstrument(socket);
  }

  write(bytes: Buffer | string): void {
    this.socket.write(typeof bytes === 'string' ? Buffer.from(bytes, 'latin1') : bytes);
  }

  /** The next byte the bridge sent (ACK, NAK, ENQ, EOT…). */
  async nextByte(timeoutMs = 15_000): Promise<number> {
    await this.until(() => this.buffer.length >= 1, timeoutMs);
    const byte = this.buffer[0];
    this.buffer = this.buffer.subarray(1);
    return byte;
  }

  /** The next MLLP block's content (VT … FS CR). */
  async nextMllp(timeoutMs = 30_000): Promise<string> {
    await this.until(() => this.buffer.includes(0x1c), timeoutMs);
    const end = this.buffer.indexOf(0x1c);
    const text = this.buffer.subarray(this.buffer.indexOf(0x0b) + 1, end).toString('latin1');
    this.buffer = this.buffer.subarray(end + (this.buffer[end + 1] === 0x0d ? 2 : 1));
    return text;
  }

  /** ENQ, each frame and the bridge's answer to it, then EOT: the answers in order (the ENQ's first). */
  async astmTransmission(frames: Buffer[]): Promise<number[]> {
    this.write(Buffer.from([ENQ]));
    const answers = [await this.nextByte()];
    for (const frame of frames) {
      this.write(frame);
      answers.push(await this.nextByte());
    }
    this.write(Buffer.from([EOT]));
    return answers;
  }

  /**
   * The host's turn (E1381 as the receiver): waits for the bridge's ENQ, ACKs it and every frame whose
   * checksum is right, until EOT; returns the records (frame texts joined across ETB, split at CR).
   */
  async receiveAstmTransmission(timeoutMs = 30_000): Promise<string[]> {
    const first = await this.nextByte(timeoutMs);
    if (first !== ENQ) throw new Error(`expected ENQ from the bridge, got 0x${first.toString(16)}`);
    this.write(Buffer.from([ACK]));
    let text = '';
    for (;;) {
      const byte = await this.nextByte(timeoutMs);
      if (byte === EOT) break;
      if (byte !== 0x02) continue;
      await this.until(() => this.buffer.includes(0x0a), timeoutMs);
      const end = this.buffer.indexOf(0x0a);
      const frame = this.buffer.subarray(0, end + 1);
      this.buffer = this.buffer.subarray(end + 1);
      const terminator = frame.findIndex((b) => b === 0x03 || b === 0x17);
      const body = frame.subarray(0, terminator + 1);
      let sum = 0;
      for (const b of body) sum = (sum + b) % 256;
      const checksum = frame.subarray(terminator + 1, terminator + 3).toString('latin1');
      if (checksum !== sum.toString(16).toUpperCase().padStart(2, '0')) throw new Error(`bad checksum in ${frame.toString('latin1')}`);
      text += frame.subarray(1, terminator).toString('latin1');
      this.write(Buffer.from([ACK]));
    }
    return text.split('\r').filter((r) => r.length > 0);
  }

  close(): void {
    this.socket.destroy();
  }

  private async until(condition: () => boolean, timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!condition()) {
      if (Date.now() > deadline) throw new Error(`no answer from the bridge within ${timeoutMs} ms`);
      await new Promise<void>((resolve) => {
        this.wake = resolve;
        setTimeout(resolve, 100);
      });
    }
  }
}

/** Frame helpers written from E1381 (not the bridge's own code, so the test checks it). */
export function astmFrame(frameNumber: number, text: string, final: boolean): Buffer {
  const body = Buffer.from(`${frameNumber}${text}${final ? '\x03' : '\x17'}`, 'latin1');
  let sum = 0;
  for (const b of body) sum = (sum + b) % 256;
  return Buffer.concat([Buffer.from([0x02]), body, Buffer.from(`${sum.toString(16).toUpperCase().padStart(2, '0')}\r\n`, 'latin1')]);
}

export const mllp = (message: string): Buffer => Buffer.from(`\x0b${message}\x1c\r`, 'latin1');
