import { Controller, Type } from '@nestjs/common';
import { Ctx, EventPattern, MessagePattern, Payload } from '@nestjs/microservices';
import { KafkaMessageContext } from '@labflow/platform/kafka';
import { declarationOf } from './declarations';
import { Handling } from './handling';

/**
 * The Nest controller of an app's declared use cases: one `@MessagePattern` (queries, commands) or
 * `@EventPattern` (events) per use case, each handing its message to the seam. Replaces the
 * hand-written handlers that only translated input and output.
 */
export function messageHandlers(...useCases: Type<object>[]): Type<unknown> {
  class MessageHandlers {
    readonly useCases: object[];

    constructor(readonly handling: Handling<object>, ...useCases: object[]) {
      this.useCases = useCases;
    }
  }
  Reflect.defineMetadata('design:paramtypes', [Handling, ...useCases], MessageHandlers);
  Controller()(MessageHandlers);
  useCases.forEach((useCase, index) => {
    const declaration = declarationOf(useCase);
    const method = `${declaration.kind} ${declaration.pattern}`;
    const descriptor: PropertyDescriptor = {
      configurable: true, writable: true,
      value(this: MessageHandlers, payload: unknown, ctx: KafkaMessageContext) {
        return this.handling.handle(declaration, this.useCases[index] as Parameters<Handling<object>['handle']>[1], payload, ctx);
      },
    };
    Object.defineProperty(MessageHandlers.prototype, method, descriptor);
    (declaration.kind === 'event' ? EventPattern : MessagePattern)(declaration.pattern)(MessageHandlers.prototype, method, descriptor);
    Payload()(MessageHandlers.prototype, method, 0);
    Ctx()(MessageHandlers.prototype, method, 1);
  });
  return MessageHandlers;
}
