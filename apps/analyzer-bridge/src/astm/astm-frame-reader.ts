import { ETB, ETX, STX } from '../link/control-characters';
import { astmChecksum } from './astm-frame';
import { AstmTolerance } from './astm-tolerance';

/** A frame read off the wire: its number (null when the profile lets it be absent), text, and whether it ends a record. */
export interface ReadFrame {
  frameNumber: number | null;
  text: string;
  final: boolean;
}

export type FrameReadResult =
  | { kind: 'frame'; frame: ReadFrame }
  | { kind: 'bad-frame'; reason: string };

const isHex = (b: number) => (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x46) || (b >= 0x61 && b <= 0x66);
const isDigit0to7 = (b: number) => b >= 0x30 && b <= 0x37;

/**
 * Reads one frame, byte by byte, from STX on: the body up to ETB/ETX, then the checksum as the
 * tolerance allows. The CR LF trailer is optional: stray CR/LF between frames are skipped by the link.
 */
export class AstmFrameReader {
  private body: number[] = [];
  private terminator: number | null = null;
  private checksum: number[] = [];
  private overflow = false;

  constructor(private readonly tolerance: AstmTolerance) {}

  /** Feeds the byte after STX onwards; returns a result when the frame is complete, else null. */
  push(byte: number): FrameReadResult | null {
    if (this.terminator === null) {
      if (byte === ETX || byte === ETB) {
        this.terminator = byte;
        return this.tolerance.checksum === 'none' ? this.finish() : null;
      }
      if (byte === STX) {
        // a new frame started before this one ended: this one is lost, the sender will retransmit on our NAK
        return { kind: 'bad-frame', reason: 'STX inside a frame' };
      }
      if (this.body.length >= this.tolerance.maxFrameBytes) this.overflow = true;
      else this.body.push(byte);
      return null;
    }
    if (this.checksum.length === 0 && this.tolerance.checksum === 'optional' && !isHex(byte)) {
      return this.finish(); // no checksum: this byte (CR, LF, …) is trailer the link skips
    }
    this.checksum.push(byte);
    return this.checksum.length === 2 ? this.finish() : null;
  }

  private finish(): FrameReadResult {
    const terminator = this.terminator as number;
    if (this.overflow) return { kind: 'bad-frame', reason: `frame longer than ${this.tolerance.maxFrameBytes} bytes` };
    if (this.checksum.length === 2) {
      const got = Buffer.from(this.checksum).toString('latin1').toUpperCase();
      const expected = astmChecksum([...this.body, terminator]);
      if (got !== expected) return { kind: 'bad-frame', reason: `checksum ${got}, expected ${expected}` };
    }
    const hasNumber = this.body.length > 0 && isDigit0to7(this.body[0]);
    if (!hasNumber && this.tolerance.frameNumber === 'required') return { kind: 'bad-frame', reason: 'missing frame number' };
    const frameNumber = hasNumber ? this.body[0] - 0x30 : null;
    const text = Buffer.from(hasNumber ? this.body.slice(1) : this.body).toString('latin1');
    return { kind: 'frame', frame: { frameNumber, text, final: terminator === ETX } };
  }
}
