/**
 * A steady stream of client requests, as an analyzer bridge sends them: each request carries an
 * Idempotency-Key and is retried with that key on 5xx/timeouts until it is accepted (or the stream
 * is stopped), so "accepted" is exact even when a crash leaves the first answer unknown.
 */
export interface StreamOutcome {
  accepted: Map<string, unknown>;
  /** status code → count of answers that were not acceptances (503 during an outage, …). */
  refusals: Map<number, number>;
  abandoned: string[];
}

export type SendOne = (key: string) => Promise<{ status: number; body: unknown }>;

export class RequestStream {
  private running = false;
  private loops: Promise<void>[] = [];
  private next = 0;
  readonly outcome: StreamOutcome = { accepted: new Map(), refusals: new Map(), abandoned: [] };

  constructor(
    private readonly prefix: string,
    private readonly send: SendOne,
    private readonly accept: (status: number) => boolean,
    private readonly concurrency = 4,
    private readonly pauseMs = 20,
  ) {}

  start(): this {
    this.running = true;
    this.loops = Array.from({ length: this.concurrency }, () => this.loop());
    return this;
  }

  /** Stops issuing new requests; requests in flight keep retrying until accepted (max `graceMs`). */
  async stop(graceMs = 120_000): Promise<StreamOutcome> {
    this.running = false;
    this.deadline = Date.now() + graceMs;
    await Promise.all(this.loops);
    return this.outcome;
  }

  get acceptedCount(): number {
    return this.outcome.accepted.size;
  }

  private deadline = Number.POSITIVE_INFINITY;

  private async loop(): Promise<void> {
    while (this.running) {
      const key = `${this.prefix}-${this.next++}`;
      await this.deliver(key);
      await new Promise((r) => setTimeout(r, this.pauseMs));
    }
  }

  private async deliver(key: string): Promise<void> {
    for (;;) {
      let status = 0;
      let body: unknown = null;
      try {
        ({ status, body } = await this.send(key));
      } catch {
        status = 0; // connection refused / timeout at the client
      }
      if (this.accept(status)) {
        this.outcome.accepted.set(key, body);
        return;
      }
      this.outcome.refusals.set(status, (this.outcome.refusals.get(status) ?? 0) + 1);
      if (status >= 400 && status < 500) {
        this.outcome.abandoned.push(`${key}: ${status} ${JSON.stringify(body)}`);
        return;
      }
      if (Date.now() > this.deadline) {
        this.outcome.abandoned.push(`${key}: gave up after ${status}`);
        return;
      }
      await new Promise((r) => setTimeout(r, 250));
    }
  }
}
