import { Logger } from '@nestjs/common';

/** Retries a start-up connection so an app started before its store waits instead of crashing. */
export async function retryStart<T>(what: string, attempt: () => Promise<T>, timeoutMs = 120_000): Promise<T> {
  const logger = new Logger('Startup');
  const deadline = Date.now() + timeoutMs;
  for (let n = 1; ; n++) {
    try {
      return await attempt();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      logger.warn(`${what} not reachable yet (attempt ${n}): ${(error as Error).message}`);
      await new Promise((r) => setTimeout(r, Math.min(3000, 250 * n)));
    }
  }
}
