import { createRequire } from 'node:module';
import { FIXED_KAFKAJS_VERSION, fixKafkajsIdleTimerLoop } from './kafkajs-idle-timer-fix';
import { installedRelease } from './installed-release';

interface Queue {
  throttleCheckTimeoutId: NodeJS.Timeout | null;
  throttledUntil: number;
  pending: unknown[];
  push(request: { entry: object; expectResponse: boolean; sendRequest: () => void }): void;
  fulfillRequest(response: { correlationId: number; payload: Buffer; size: number }): void;
  destroy(): void;
}

const load = createRequire(require.resolve('kafkajs'));
const RequestQueue = load('./src/network/requestQueue') as new (options: object) => Queue;
const quiet = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };
const queueOf = (maxInFlightRequests: number | null) =>
  new RequestQueue({ maxInFlightRequests, requestTimeout: 1000, enforceRequestTimeout: false, clientId: 'spec', broker: 'b:1', logger: quiet });
const request = (correlationId: number, sent: number[]) =>
  ({ entry: { correlationId, apiKey: 3, apiName: 'Metadata', apiVersion: 1, resolve: () => undefined, reject: () => undefined }, expectResponse: true, sendRequest: () => sent.push(correlationId) });

describe('fixKafkajsIdleTimerLoop', () => {
  it('is written for the installed kafkajs: another release needs its RequestQueue read again (then this constant moved)', () => {
    expect(installedRelease('kafkajs')).toBe(FIXED_KAFKAJS_VERSION);
    expect(fixKafkajsIdleTimerLoop()).toBe(true);
  });

  it('arms no timer once a broker answered and nothing is pending (kafkajs re-armed a 1 ms one forever)', () => {
    const queue = queueOf(null);
    const sent: number[] = [];
    queue.push(request(1, sent));
    queue.fulfillRequest({ correlationId: 1, payload: Buffer.alloc(0), size: 0 });
    expect(sent).toEqual([1]);
    expect(queue.throttleCheckTimeoutId).toBeNull();
  });

  it('still sends a request that waited for a broker throttle, when the throttle ends', async () => {
    const queue = queueOf(null);
    const sent: number[] = [];
    queue.throttledUntil = Date.now() + 30;
    queue.push(request(2, sent));
    expect(sent).toEqual([]);
    expect(queue.throttleCheckTimeoutId).not.toBeNull();
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(sent).toEqual([2]);
    queue.destroy();
  });

  it('still sends a request that waited for a free in-flight slot, when the slot frees', () => {
    const queue = queueOf(1);
    const sent: number[] = [];
    queue.push(request(3, sent));
    queue.push(request(4, sent));
    expect(sent).toEqual([3]);
    queue.fulfillRequest({ correlationId: 3, payload: Buffer.alloc(0), size: 0 });
    expect(sent).toEqual([3, 4]);
    queue.destroy();
  });
});
