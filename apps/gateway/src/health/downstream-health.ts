import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { COMMAND_APPS, defineCommand } from '@labflow/contracts';
import { CommandBus } from '@labflow/platform/kafka';
import { HealthRegistry, healthPatternOf } from '@labflow/platform/service';
import { randomUUID } from 'node:crypto';

/**
 * The gateway is ready when its reply consumer reads (`command-bus`, RequestReplyModule) and every app
 * answers its readiness over Kafka: one probe proves broker, topics, consumers and stores end to end.
 */
@Injectable()
export class DownstreamHealth implements OnModuleInit {
  constructor(private readonly registry: HealthRegistry, @Inject(CommandBus) private readonly bus: CommandBus) {}

  onModuleInit(): void {
    for (const app of COMMAND_APPS) {
      const spec = defineCommand<object, { status: string }>(app, healthPatternOf(app));
      this.registry.register(app, async () => {
        const reply = await this.bus.send(spec, null, {}, { correlationId: `health-${randomUUID()}`, timeoutMs: 1800 });
        if (!reply.ok) throw new Error(`${reply.status} ${reply.error.message}`);
        if (reply.body.status !== 'ok') throw new Error(`not ready: ${JSON.stringify(reply.body)}`);
        return reply.body;
      });
    }
  }
}
