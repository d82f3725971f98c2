import { ACK, ENQ, EOT, NAK, STX } from '../link/control-characters';
import { StartTimer } from '../link/link-timers';
import { nextFrameNumber } from './astm-frame';
import { AstmFrameReader, ReadFrame } from './astm-frame-reader';
import { AstmTolerance, STANDARD_TOLERANCE } from './astm-tolerance';

/** E1381 timers and limits (section 8.5, 8.3.5). */
export const ASTM_TIMINGS = {
  /** The sender waits this long for an answer to ENQ or a frame. */
  replyMs: 15_000,
  /** The receiver waits this long for the next frame or EOT. */
  frameMs: 30_000,
  /** After a NAK to ENQ (receiver busy), the sender waits this long before another ENQ. */
  busyRetryMs: 10_000,
  /** After contention the host waits this long before it tries to send again. */
  contentionRetryMs: 20_000,
  /** Attempts of one frame (or ENQ) before the sender gives up. */
  retryLimit: 6,
};
export type AstmTimings = typeof ASTM_TIMINGS;

/** What the link reports, for logs and for the session above it. */
export type AstmLinkEvent =
  | { type: 'receive-started' }
  | { type: 'receive-ended' }
  | { type: 'receive-timeout' }
  | { type: 'frame-refused'; reason: string }
  | { type: 'contention' }
  | { type: 'send-done' }
  | { type: 'send-failed'; reason: string };

export interface AstmLinkHandlers {
  write(bytes: Buffer): void;
  /** An accepted frame. A returned promise holds its ACK until it settles; a rejection NAKs the frame. */
  frame(frame: ReadFrame): void | Promise<void>;
  event(event: AstmLinkEvent): void;
}

interface Outgoing {
  frames: Buffer[];
  resolve: () => void;
  reject: (error: Error) => void;
}

type State =
  | { name: 'idle' }
  | { name: 'receiving'; reader: AstmFrameReader | null; expected: number; lastAccepted: number | null; frames: number }
  | { name: 'sending-enq'; attempts: number }
  | { name: 'sending-frame'; index: number; attempts: number }
  | { name: 'waiting'; reason: 'busy' | 'contention' | 'retry' };

/**
 * The E1381 (LIS1-A) data link as a state machine driven by bytes: the host side of one connection.
 * It receives (ENQ → ACK, frames checked and ACKed or NAKed, EOT) and sends (ENQ, frames, EOT) the
 * messages queued with `send()`, yielding to the instrument on contention. No I/O and no clock of its own.
 */
export class AstmLink {
  private state: State = { name: 'idle' };
  private readonly outgoing: Outgoing[] = [];
  private cancelTimer: (() => void) | null = null;
  private holding = false;
  private held: number[] = [];
  private closed = false;

  constructor(
    private readonly handlers: AstmLinkHandlers,
    private readonly startTimer: StartTimer,
    private readonly tolerance: AstmTolerance = STANDARD_TOLERANCE,
    private readonly timings: AstmTimings = ASTM_TIMINGS,
  ) {}

  get stateName(): State['name'] {
    return this.state.name;
  }

  /** Neutral (E1381): no transmission either way, no frame awaiting its store, nothing queued to send. */
  get neutral(): boolean {
    return this.state.name === 'idle' && !this.holding && this.outgoing.length === 0;
  }

  /** Bytes from the instrument. */
  receive(chunk: Buffer): void {
    if (this.closed) return;
    for (const byte of chunk) {
      if (this.holding) this.held.push(byte);
      else this.onByte(byte);
    }
  }

  /** Queues one message (its records, without CR) for the instrument; settles once sent or given up. */
  send(frames: Buffer[]): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.outgoing.push({ frames, resolve, reject });
      if (this.state.name === 'idle') this.startSending();
    });
  }

  /** Stops the timers (connection closed); queued messages fail. */
  close(): void {
    this.closed = true;
    this.clearTimer();
    for (const message of this.outgoing.splice(0)) message.reject(new Error('connection closed'));
    this.state = { name: 'idle' };
  }

  private onByte(byte: number): void {
    switch (this.state.name) {
      case 'idle':
      case 'waiting':
        if (byte === ENQ) this.startReceiving();
        return;
      case 'receiving':
        this.onReceivingByte(byte);
        return;
      case 'sending-enq':
        this.onEnqReply(byte);
        return;
      case 'sending-frame':
        this.onFrameReply(byte, this.state.index, this.state.attempts);
        return;
    }
  }

  private startReceiving(): void {
    this.clearTimer();
    this.state = { name: 'receiving', reader: null, expected: 1, lastAccepted: null, frames: 0 };
    this.handlers.write(Buffer.from([ACK]));
    this.handlers.event({ type: 'receive-started' });
    this.armFrameTimer();
  }

  private onReceivingByte(byte: number): void {
    const state = this.state as Extract<State, { name: 'receiving' }>;
    if (state.reader) {
      const result = state.reader.push(byte);
      if (!result) return;
      state.reader = null;
      if (result.kind === 'bad-frame') this.refuse(result.reason);
      else this.onFrame(state, result.frame);
      return;
    }
    if (byte === STX) state.reader = new AstmFrameReader(this.tolerance);
    else if (byte === EOT) this.endReceiving();
    else if (byte === ENQ && state.frames === 0) this.handlers.write(Buffer.from([ACK])); // our ACK was lost
    // anything else between frames (the CR LF trailer, noise) is skipped
  }

  private onFrame(state: Extract<State, { name: 'receiving' }>, frame: ReadFrame): void {
    if (frame.frameNumber !== null && frame.frameNumber !== state.expected) {
      // E1381 8.3.5: a repeat of the frame just accepted (our ACK was lost) is ACKed and discarded
      if (frame.frameNumber === state.lastAccepted) this.acknowledge();
      else this.refuse(`frame number ${frame.frameNumber}, expected ${state.expected}`);
      return;
    }
    const accepted = () => {
      state.lastAccepted = frame.frameNumber ?? state.lastAccepted;
      state.expected = nextFrameNumber(frame.frameNumber ?? state.expected);
      state.frames += 1;
      this.acknowledge();
    };
    const delivered = this.handlers.frame(frame);
    if (!delivered) {
      accepted();
      return;
    }
    this.clearTimer();
    this.holding = true;
    delivered.then(accepted, (error: unknown) => this.refuse(`not stored: ${(error as Error).message}`)).finally(() => this.release());
  }

  private release(): void {
    this.holding = false;
    const held = this.held.splice(0);
    this.receive(Buffer.from(held));
  }

  private acknowledge(): void {
    if (this.closed) return; // a frame stored after the connection went: nobody to answer
    this.handlers.write(Buffer.from([ACK]));
    this.armFrameTimer();
  }

  private refuse(reason: string): void {
    if (this.closed) return;
    this.handlers.write(Buffer.from([NAK]));
    this.handlers.event({ type: 'frame-refused', reason });
    this.armFrameTimer();
  }

  private armFrameTimer(): void {
    this.setTimer(this.timings.frameMs, () => {
      this.state = { name: 'idle' };
      this.handlers.event({ type: 'receive-timeout' });
      this.startSending();
    });
  }

  private endReceiving(): void {
    this.clearTimer();
    this.state = { name: 'idle' };
    this.handlers.event({ type: 'receive-ended' });
    this.startSending();
  }

  private startSending(): void {
    if (this.outgoing.length === 0 || this.state.name !== 'idle') return;
    this.sendEnq(1);
  }

  private sendEnq(attempts: number): void {
    this.state = { name: 'sending-enq', attempts };
    this.handlers.write(Buffer.from([ENQ]));
    this.setTimer(this.timings.replyMs, () => this.enqFailed(attempts, 'no answer to ENQ', this.timings.busyRetryMs, true));
  }

  private onEnqReply(byte: number): void {
    const attempts = (this.state as Extract<State, { name: 'sending-enq' }>).attempts;
    if (byte === ACK) this.sendFrame(0, 1);
    else if (byte === NAK) this.enqFailed(attempts, 'receiver busy', this.timings.busyRetryMs, false);
    else if (byte === ENQ) this.onContention();
  }

  /** E1381 8.2.7.1: the instrument has priority; the host stops, answers the instrument's next ENQ, and retries in 20 s. */
  private onContention(): void {
    this.handlers.event({ type: 'contention' });
    if (this.tolerance.contention === 'ack-first') {
      this.startReceiving();
      return;
    }
    this.waitThenSend('contention', this.timings.contentionRetryMs);
  }

  private enqFailed(attempts: number, reason: string, retryMs: number, sendEot: boolean): void {
    if (sendEot) this.handlers.write(Buffer.from([EOT]));
    if (attempts >= this.timings.retryLimit) this.failCurrent(reason);
    else this.waitThenSend('busy', retryMs, attempts + 1);
  }

  private waitThenSend(reason: 'busy' | 'contention' | 'retry', ms: number, attempts = 1): void {
    this.state = { name: 'waiting', reason };
    this.setTimer(ms, () => {
      if (this.state.name === 'waiting') this.sendEnq(attempts);
      else if (this.state.name === 'idle') this.startSending();
    });
  }

  private sendFrame(index: number, attempts: number): void {
    const message = this.outgoing[0];
    this.state = { name: 'sending-frame', index, attempts };
    this.handlers.write(message.frames[index]);
    this.setTimer(this.timings.replyMs, () => {
      this.handlers.write(Buffer.from([EOT]));
      this.failCurrent('no answer to a frame');
    });
  }

  private onFrameReply(byte: number, index: number, attempts: number): void {
    // EOT in answer to a frame is the receiver's interrupt request: the frame was accepted (E1381 8.3.6)
    if (byte === ACK || byte === EOT) {
      if (index + 1 < this.outgoing[0].frames.length) this.sendFrame(index + 1, 1);
      else this.finishCurrent();
    } else if (byte === NAK) {
      if (attempts >= this.timings.retryLimit) {
        this.handlers.write(Buffer.from([EOT]));
        this.failCurrent(`frame refused ${attempts} times`);
      } else this.sendFrame(index, attempts + 1);
    }
  }

  private finishCurrent(): void {
    this.clearTimer();
    this.handlers.write(Buffer.from([EOT]));
    this.outgoing.shift()?.resolve();
    this.state = { name: 'idle' };
    this.handlers.event({ type: 'send-done' });
    this.startSending();
  }

  private failCurrent(reason: string): void {
    this.clearTimer();
    this.outgoing.shift()?.reject(new Error(reason));
    this.state = { name: 'idle' };
    this.handlers.event({ type: 'send-failed', reason });
    this.startSending();
  }

  private setTimer(ms: number, onExpire: () => void): void {
    this.clearTimer();
    if (this.closed) return;
    this.cancelTimer = this.startTimer(ms, () => {
      this.cancelTimer = null;
      onExpire();
    });
  }

  private clearTimer(): void {
    this.cancelTimer?.();
    this.cancelTimer = null;
  }
}
