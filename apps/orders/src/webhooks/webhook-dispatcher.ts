import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { TOPICS } from '@labflow/contracts';
import { BackgroundLoop, PgOutbox, RoundResult } from '@labflow/platform/kafka';
import { BackgroundSpan, BackgroundSpanOptions, traceBackgroundWork } from '@labflow/platform/observability';
import { HealthRegistry } from '@labflow/platform/service';
import { ORDERS_CONFIG, OrdersConfig, retrySchedule, webhookUrlPolicy } from '../orders.config';
import { AttemptOutcome, DueDelivery, WebhookDeliveryQueue } from './webhook-delivery-queue';
import { WebhookSecretBox } from './webhook-secret-box';
import { WebhookSender } from './webhook-sender';
import { signWebhook } from './webhook-signature';

/**
 * Sends due webhook deliveries: signed, one attempt per claim, every attempt recorded, retried on the
 * configured schedule (0 s, 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h by default); after the last
 * failed attempt the delivery is exhausted and `message.attempt.exhausted` is published (outbox).
 * A URL refused at delivery for its address (private, loopback, metadata) is exhausted at once: a
 * retry would be refused the same way.
 */
@Injectable()
export class WebhookDispatcher implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('WebhookDispatcher');
  private readonly schedule: number[];
  private readonly loop: BackgroundLoop;
  private readonly sender: WebhookSender;

  constructor(
    private readonly dataSource: DataSource,
    private readonly deliveries: WebhookDeliveryQueue,
    private readonly outbox: PgOutbox,
    @Inject(ORDERS_CONFIG) private readonly config: OrdersConfig,
    private readonly health: HealthRegistry,
    private readonly secrets: WebhookSecretBox,
  ) {
    this.schedule = retrySchedule(config);
    this.sender = new WebhookSender({ policy: webhookUrlPolicy(config), timeoutMs: config.WEBHOOK_TIMEOUT_MS });
    this.loop = new BackgroundLoop(
      { name: 'WebhookDispatcher', idleWaitMs: config.WEBHOOK_POLL_MS, failureLog: 'dispatch paused' },
      () => this.dispatchDue(),
    );
  }

  onApplicationBootstrap(): void {
    // details only: a client's endpoint being down must not make the orders app unready
    this.health.register('webhooks', async () => ({ ...(await this.deliveries.backlog()), lastError: this.loop.lastError }));
    this.loop.start();
  }

  /** Before the stores close: an attempt in flight is finished and recorded, then the loop ends. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.loop.stop();
  }

  private async dispatchDue(): Promise<RoundResult> {
    const due = await this.deliveries.claimDue(this.config.WEBHOOK_CONCURRENCY, this.config.WEBHOOK_TIMEOUT_MS + 30_000);
    await Promise.all(due.map((d) => traceBackgroundWork(`deliver ${d.eventType}`, deliverySpanOptions(d), (span) => this.attempt(d, span))));
    return due.length > 0 ? 'busy' : 'idle';
  }

  private async attempt(delivery: DueDelivery, span: BackgroundSpan): Promise<void> {
    const outcome = await this.send(delivery);
    const ok = outcome.statusCode !== null && outcome.statusCode >= 200 && outcome.statusCode < 300;
    const attemptNumber = delivery.attempts + 1;
    const exhausted = !ok && (outcome.final === true || attemptNumber >= this.schedule.length);
    const next = ok ? { status: 'delivered' as const, delayMs: 0 }
      : exhausted ? { status: 'exhausted' as const, delayMs: 0 }
        : { status: 'pending' as const, delayMs: this.schedule[attemptNumber] };
    if (outcome.statusCode !== null) span.setAttribute('http.response.status_code', outcome.statusCode);
    span.setAttribute('labflow.webhook.status', next.status);
    if (!ok) span.markError(outcome.error ?? 'not delivered');
    await this.dataSource.transaction(async (manager) => {
      const recorded = await this.deliveries.recordAttempt(manager, delivery, outcome, next);
      if (!recorded || !exhausted) return;
      await this.outbox.add(manager, TOPICS.messageAttemptExhausted, {
        messageId: delivery.messageId, endpointId: delivery.endpointId, labId: delivery.labId, clientId: delivery.clientId,
        eventType: delivery.eventType, orderId: delivery.orderId, attempts: attemptNumber,
        lastStatusCode: outcome.statusCode, lastError: outcome.error, exhaustedAt: new Date().toISOString(),
      }, { labId: delivery.labId, correlationId: delivery.messageId, causationId: null });
    });
    if (exhausted) this.logger.warn(`webhook ${delivery.messageId} exhausted after ${attemptNumber} attempts: ${outcome.error}`);
  }

  private async send(delivery: DueDelivery): Promise<AttemptOutcome & { final?: boolean }> {
    const timestamp = Math.floor(Date.now() / 1000);
    let signature: string;
    try {
      // during a rotation's grace period both secrets sign: `v1,<new> v1,<previous>` (the receiver accepts either)
      const keys = [delivery.secret, ...(delivery.previousSecret ? [delivery.previousSecret] : [])];
      signature = keys.map((k) => signWebhook(this.secrets.open(k, delivery.endpointId), delivery.messageId, timestamp, delivery.body)).join(' ');
    } catch (error) {
      return { statusCode: null, error: `secret: ${(error as Error).message}`.slice(0, 500), durationMs: 0 };
    }
    return this.sender.send(delivery.url, {
      'content-type': 'application/json',
      'user-agent': this.config.WEBHOOK_USER_AGENT,
      'webhook-id': delivery.messageId,
      'webhook-timestamp': String(timestamp),
      'webhook-signature': signature,
    }, delivery.body);
  }
}

/**
 * One attempt at a delivery: a child of the span of the order change that queued it. Nothing here
 * may throw (a malformed URL is the attempt's failure, recorded by send(), not the dispatcher's).
 */
function deliverySpanOptions(delivery: DueDelivery): BackgroundSpanOptions {
  return {
    kind: 'client',
    parentHeaders: delivery.traceHeaders,
    attributes: {
      'http.request.method': 'POST', ...(URL.canParse(delivery.url) ? { 'server.address': new URL(delivery.url).host } : {}),
      'labflow.webhook.message_id': delivery.messageId, 'labflow.webhook.endpoint_id': delivery.endpointId,
      'labflow.webhook.event_type': delivery.eventType, 'labflow.webhook.attempt': delivery.attempts + 1,
    },
  };
}
