import { Logger } from '@nestjs/common';
import { BackgroundLoop, BackgroundLoopOptions, RoundResult } from './background-loop';

/** A promise settled from outside: a round that runs until the test lets it finish. */
function gate(): { promise: Promise<void>; open: () => void } {
  let open = () => undefined as void;
  const promise = new Promise<void>((resolve) => { open = resolve; });
  return { promise, open };
}

/** Rounds whose start times are recorded; each answers with the next planned result (or throws it). */
function plannedRounds(plan: (RoundResult | Error)[], rest: RoundResult = 'idle') {
  const startedAt: number[] = [];
  const round = async (): Promise<RoundResult> => {
    startedAt.push(Date.now());
    const next = plan.shift() ?? rest;
    if (next instanceof Error) throw next;
    return next;
  };
  return { startedAt, round };
}

async function until(check: () => boolean, timeoutMs = 2000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 5));
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('BackgroundLoop', () => {
  const options: BackgroundLoopOptions = { name: 'TestLoop', idleWaitMs: 60_000 };
  let warn: jest.SpyInstance;
  let error: jest.SpyInstance;
  let sut: BackgroundLoop;

  beforeEach(() => {
    warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    error = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
  });
  afterEach(async () => {
    await sut?.stop();
    jest.restoreAllMocks();
  });

  it('stop waits for the round in hand, then starts no other round and no idle wait', async () => {
    const inRound = gate();
    let rounds = 0;
    let finished = false;
    sut = new BackgroundLoop(options, async () => {
      rounds += 1;
      await inRound.promise;
      finished = true;
      return 'idle';
    });
    sut.start();
    await until(() => rounds === 1);

    let stopped = false;
    const stopping = sut.stop().then(() => { stopped = true; });
    await sleep(30);
    expect(stopped).toBe(false);
    const opened = Date.now();
    inRound.open();
    await stopping;
    expect(Date.now() - opened).toBeLessThan(1000); // not the 60 s idle wait
    expect(finished).toBe(true);
    expect(rounds).toBe(1);
  });

  it('stop ends an idle wait at once', async () => {
    const { startedAt, round } = plannedRounds([]);
    sut = new BackgroundLoop(options, round);
    sut.start();
    await until(() => startedAt.length === 1);
    const started = Date.now();
    await sut.stop();
    expect(Date.now() - started).toBeLessThan(1000);
    expect(startedAt).toHaveLength(1);
  });

  it('after a failed round logs the error, keeps it as lastError, backs off, then goes on and clears it', async () => {
    const { startedAt, round } = plannedRounds([new Error('broker down'), 'idle']);
    sut = new BackgroundLoop({ ...options, failureLog: 'relay paused', backoffMs: () => 40 }, round);
    sut.start();
    await until(() => startedAt.length === 1);
    expect(sut.lastError).toBe('broker down');
    expect(warn).toHaveBeenCalledWith('relay paused: broker down');

    await until(() => startedAt.length === 2);
    expect(startedAt[1] - startedAt[0]).toBeGreaterThanOrEqual(35);
    expect(sut.lastError).toBeNull();
  });

  it('runs afterFailure before the backoff, and grows the backoff with the failures in a row', async () => {
    const { startedAt, round } = plannedRounds([new Error('a'), new Error('b'), new Error('c'), 'idle']);
    const cleanups: number[] = [];
    const backoffs: number[] = [];
    sut = new BackgroundLoop({
      ...options,
      backoffMs: (failures) => { backoffs.push(failures); return 10 * failures; },
      afterFailure: async () => { cleanups.push(startedAt.length); },
    }, round);
    sut.start();
    await until(() => startedAt.length === 4);
    expect(backoffs).toEqual([1, 2, 3]);
    expect(cleanups).toEqual([1, 2, 3]);
    expect(startedAt[3] - startedAt[2]).toBeGreaterThanOrEqual(25);
  });

  it('logs the first of every logEveryFailures failures in a row, at the level asked', async () => {
    const failing = Array.from({ length: 5 }, (_, i) => new Error(`outage ${i + 1}`));
    const { startedAt, round } = plannedRounds(failing);
    sut = new BackgroundLoop({ ...options, logEveryFailures: 3, failureLogLevel: 'error', backoffMs: () => 1 }, round);
    sut.start();
    await until(() => startedAt.length === 6);
    expect(error.mock.calls).toEqual([['paused: outage 1'], ['paused: outage 4']]);
    expect(warn).not.toHaveBeenCalled();
  });

  it('wake cuts the idle wait short', async () => {
    const { startedAt, round } = plannedRounds([]);
    sut = new BackgroundLoop(options, round);
    sut.start();
    await until(() => startedAt.length === 1);
    await sleep(50);
    expect(startedAt).toHaveLength(1); // waiting its 60 s
    sut.wake();
    await until(() => startedAt.length === 2, 1000);
  });

  it('goes again at once after a busy round, and waits as long as a round asks', async () => {
    const { startedAt, round } = plannedRounds(['busy', { waitMs: 40 }, 'idle']);
    sut = new BackgroundLoop(options, round);
    sut.start();
    await until(() => startedAt.length === 3);
    expect(startedAt[1] - startedAt[0]).toBeLessThan(30);
    expect(startedAt[2] - startedAt[1]).toBeGreaterThanOrEqual(35);
  });

  it('starts one loop however often start is called', async () => {
    const { startedAt, round } = plannedRounds([]);
    sut = new BackgroundLoop(options, round);
    sut.start();
    sut.start();
    await sleep(50);
    expect(startedAt).toHaveLength(1);
  });

  it('measures a failing streak from the last good round, and forgets it after the next good one', async () => {
    const { startedAt, round } = plannedRounds(['idle', new Error('broker refuses'), new Error('broker refuses'), 'idle']);
    sut = new BackgroundLoop({ ...options, idleWaitMs: 30, backoffMs: () => 30 }, round);
    sut.start();
    expect(sut.stalledForMs).toBeLessThan(20); // the first round is in hand, nothing failed
    await until(() => startedAt.length === 3);
    await sleep(5);
    // two failures after a good round: counted from that round, not from the first failure
    expect(sut.stalledForMs).toBeGreaterThanOrEqual(Date.now() - startedAt[1] - 5);
    expect(sut.lastError).toBe('broker refuses');
    await until(() => startedAt.length === 4);
    await until(() => sut.stalledForMs === 0);
    expect(sut.lastError).toBeNull();
  });

  it('counts a round that hangs as stalled from its start', async () => {
    const inRound = gate();
    let rounds = 0;
    sut = new BackgroundLoop(options, async () => {
      rounds += 1;
      await inRound.promise;
      return 'idle';
    });
    sut.start();
    await until(() => rounds === 1);
    await sleep(40);
    expect(sut.stalledForMs).toBeGreaterThanOrEqual(35);
    inRound.open();
    await until(() => sut.stalledForMs === 0);
  });

  it('a wake during a round that found nothing starts the next round at once', async () => {
    const inRound = gate();
    const startedAt: number[] = [];
    sut = new BackgroundLoop(options, async () => {
      startedAt.push(Date.now());
      if (startedAt.length === 1) await inRound.promise;
      return 'idle';
    });
    sut.start();
    await until(() => startedAt.length === 1);
    sut.wake(); // e.g. a NOTIFY for a row committed after the round's SELECT
    inRound.open();
    await until(() => startedAt.length === 2, 1000);
  });

  it('a wake during a failing round does not cut its backoff short', async () => {
    const inRound = gate();
    const startedAt: number[] = [];
    sut = new BackgroundLoop({ ...options, backoffMs: () => 300 }, async () => {
      startedAt.push(Date.now());
      if (startedAt.length === 1) {
        await inRound.promise;
        throw new Error('store down');
      }
      return 'idle';
    });
    sut.start();
    await until(() => startedAt.length === 1);
    sut.wake();
    inRound.open();
    await until(() => startedAt.length === 2, 2000);
    expect(startedAt[1] - startedAt[0]).toBeGreaterThanOrEqual(290);
  });
});
