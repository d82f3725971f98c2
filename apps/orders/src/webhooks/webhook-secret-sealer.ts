import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ClearWebhookSecrets } from './clear-webhook-secrets.repository';
import { WebhookSecretBox } from './webhook-secret-box';

/**
 * Seals, once at start, the signing secrets written in clear before they were encrypted (endpoint
 * rows and kept registration replies). It needs the key from config, which a SQL migration has not.
 */
@Injectable()
export class WebhookSecretSealer implements OnApplicationBootstrap {
  private readonly logger = new Logger('WebhookSecretSealer');

  constructor(private readonly dataSource: DataSource, private readonly box: WebhookSecretBox) {}

  async onApplicationBootstrap(): Promise<void> {
    const clear = new ClearWebhookSecrets(this.dataSource);
    const { endpoints, replies } = await clear.find();
    for (const e of endpoints) await clear.replaceSecret(e.id, e.secret, this.box.seal(e.secret, e.id));
    for (const r of replies) await clear.replaceReplySecret(r.messageId, r.secret, this.box.seal(r.secret, r.id));
    if (endpoints.length + replies.length > 0) {
      this.logger.log(`sealed ${endpoints.length} webhook secrets and ${replies.length} stored replies written in clear`);
    }
  }
}
