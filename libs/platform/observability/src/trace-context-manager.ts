import { Context, ContextManager } from '@opentelemetry/api';
import { activeTraceContext, runWithTraceContext } from './correlation-context';

/**
 * OpenTelemetry's active context, kept in LabFlow's unit-of-work store (correlation-context.ts)
 * instead of a second AsyncLocalStorage: a Fastify hook enters a request's correlation and span
 * together (OpenTelemetry's own manager has no `enterWith`), and `context.active()` in any library
 * sees the span the log lines name.
 */
export class CorrelationContextManager implements ContextManager {
  active(): Context {
    return activeTraceContext();
  }

  with<A extends unknown[], F extends (...args: A) => ReturnType<F>>(
    context: Context, fn: F, thisArg?: ThisParameterType<F>, ...args: A
  ): ReturnType<F> {
    return runWithTraceContext(context, () => fn.call(thisArg, ...args));
  }

  /** Binds functions; event emitters are returned as they are (nothing in LabFlow binds them). */
  bind<T>(context: Context, target: T): T {
    if (typeof target !== 'function') return target;
    const fn = target as unknown as (...args: unknown[]) => unknown;
    return function bound(this: unknown, ...args: unknown[]) {
      return runWithTraceContext(context, () => fn.apply(this, args));
    } as unknown as T;
  }

  enable(): this {
    return this;
  }

  disable(): this {
    return this;
  }
}
