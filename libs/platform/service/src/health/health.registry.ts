import { Injectable } from '@nestjs/common';

export type HealthCheck = () => Promise<unknown>;

export interface HealthReport {
  status: 'ok' | 'error';
  checks: Record<string, { status: 'ok' | 'error'; details?: unknown; error?: string }>;
}

/** Readiness checks of one app: each dependency registers a check; all must pass to be ready. */
@Injectable()
export class HealthRegistry {
  private readonly checks = new Map<string, HealthCheck>();

  register(name: string, check: HealthCheck): void {
    this.checks.set(name, check);
  }

  async report(timeoutMs = 2000): Promise<HealthReport> {
    const entries = await Promise.all(
      [...this.checks].map(async ([name, check]) => {
        try {
          const details = await withTimeout(check(), timeoutMs, name);
          return [name, { status: 'ok' as const, ...(details === undefined ? {} : { details }) }] as const;
        } catch (error) {
          return [name, { status: 'error' as const, error: error instanceof Error ? error.message : String(error) }] as const;
        }
      }),
    );
    const checks = Object.fromEntries(entries);
    const status = entries.every(([, r]) => r.status === 'ok') ? 'ok' : 'error';
    return { status, checks };
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number, name: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${name} check timed out after ${ms}ms`)), ms);
    promise.then(
      (v) => { clearTimeout(timer); resolve(v); },
      (e: unknown) => { clearTimeout(timer); reject(e instanceof Error ? e : new Error(String(e))); },
    );
  });
}
