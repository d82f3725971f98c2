import { CR, FS, VT } from '../link/control-characters';

export type MllpEvent =
  | { kind: 'message'; bytes: Buffer }
  | { kind: 'discarded'; reason: string; bytes: number };

/**
 * MLLP (HL7 v2 minimal lower layer protocol) framing: each message is `VT … FS CR`. Bytes outside a
 * block are reported as discarded; the CR after FS is optional (some senders leave it out).
 */
export class MllpDecoder {
  private inside = false;
  private chunks: Buffer[] = [];
  private size = 0;
  private outsideBytes = 0;

  constructor(private readonly maxMessageBytes = 4 * 1024 * 1024) {}

  /** Inside a block (VT seen, FS not yet): a message is on its way. */
  get midMessage(): boolean {
    return this.inside;
  }

  push(chunk: Buffer): MllpEvent[] {
    const events: MllpEvent[] = [];
    let start = 0;
    for (let i = 0; i < chunk.length; i++) {
      const byte = chunk[i];
      if (!this.inside) {
        if (byte === VT) {
          this.flushOutside(events);
          this.inside = true;
          start = i + 1;
        } else if (byte !== CR) this.outsideBytes += 1;
        continue;
      }
      if (byte === VT) {
        // a new block before the end of this one: this one is incomplete
        events.push({ kind: 'discarded', reason: 'a message without its end block (FS)', bytes: this.size + i - start });
        this.reset();
        this.inside = true;
        start = i + 1;
      } else if (byte === FS) {
        this.append(chunk.subarray(start, i), events);
        if (this.inside) events.push({ kind: 'message', bytes: Buffer.concat(this.chunks) });
        this.reset();
      }
    }
    if (this.inside) this.append(chunk.subarray(start), events);
    return events;
  }

  private append(part: Buffer, events: MllpEvent[]): void {
    if (!this.inside) return;
    this.size += part.length;
    if (this.size > this.maxMessageBytes) {
      events.push({ kind: 'discarded', reason: `a message longer than ${this.maxMessageBytes} bytes`, bytes: this.size });
      this.reset();
      return;
    }
    this.chunks.push(Buffer.from(part));
  }

  private flushOutside(events: MllpEvent[]): void {
    if (this.outsideBytes > 0) events.push({ kind: 'discarded', reason: 'bytes outside a message block', bytes: this.outsideBytes });
    this.outsideBytes = 0;
  }

  private reset(): void {
    this.inside = false;
    this.chunks = [];
    this.size = 0;
  }
}

/** Wraps one HL7 message for MLLP. */
export const mllpFrame = (message: string): Buffer =>
  Buffer.concat([Buffer.from([VT]), Buffer.from(message, 'latin1'), Buffer.from([FS, CR])]);
