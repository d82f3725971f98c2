import { postToPinnedTarget } from './pinned-webhook-post';
import { AttemptOutcome } from './webhook-delivery-queue';
import { checkWebhookUrl, resolveHost, ResolveHost, WebhookUrlPolicy } from './webhook-url-policy';

/** One attempt's outcome; `final` ends the delivery now (a refused address is not retried). */
export type SendOutcome = AttemptOutcome & { final?: boolean };

export interface WebhookSenderOptions {
  policy: WebhookUrlPolicy;
  timeoutMs: number;
  /** DNS by default; tests answer a name of their own. */
  resolve?: ResolveHost;
}

/**
 * One HTTP attempt at a webhook: the URL is checked again (what its name resolves to may have
 * changed since registration) and the connection goes to the address that was checked, with no
 * second lookup in between. Never throws: every failure is the attempt's outcome.
 */
export class WebhookSender {
  private readonly resolve: ResolveHost;

  constructor(private readonly options: WebhookSenderOptions) {
    this.resolve = options.resolve ?? resolveHost;
  }

  async send(url: string, headers: Record<string, string>, body: string): Promise<SendOutcome> {
    const started = Date.now();
    try {
      const check = await checkWebhookUrl(url, this.options.policy, this.resolve);
      if ('refusal' in check) return { statusCode: null, error: `refused: ${check.refusal}`, durationMs: Date.now() - started, final: check.final };
      const res = await postToPinnedTarget(check.target, headers, body, this.options.timeoutMs);
      const ok = res.statusCode >= 200 && res.statusCode < 300;
      return { statusCode: res.statusCode, error: ok ? null : `HTTP ${res.statusCode}`, durationMs: Date.now() - started };
    } catch (error) {
      const e = error as Error & { code?: string; cause?: { code?: string } };
      const timedOut = e.name === 'TimeoutError' || e.name === 'AbortError';
      const reason = timedOut ? `timeout after ${this.options.timeoutMs} ms` : e.code ?? e.cause?.code ?? e.message;
      return { statusCode: null, error: reason.slice(0, 500), durationMs: Date.now() - started };
    }
  }
}
