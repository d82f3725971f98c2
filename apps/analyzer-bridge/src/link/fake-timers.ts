import { StartTimer } from './link-timers';

/** A clock for specs of the link state machines: timers fire only when `advance()` passes them. */
export class FakeTimers {
  private now = 0;
  private timers: { at: number; fire: () => void; id: number }[] = [];
  private nextId = 0;

  readonly start: StartTimer = (ms, onExpire) => {
    const id = this.nextId++;
    this.timers.push({ at: this.now + ms, fire: onExpire, id });
    return () => {
      this.timers = this.timers.filter((t) => t.id !== id);
    };
  };

  get pending(): number {
    return this.timers.length;
  }

  advance(ms: number): void {
    const until = this.now + ms;
    for (;;) {
      const due = this.timers.filter((t) => t.at <= until).sort((a, b) => a.at - b.at)[0];
      if (!due) break;
      this.timers = this.timers.filter((t) => t.id !== due.id);
      this.now = due.at;
      due.fire();
    }
    this.now = until;
  }
}
