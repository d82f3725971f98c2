import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { ORDER_COMMANDS, PlaceOrderInput, PlaceOrderResult } from '@labflow/contracts';
import { Command, HandlesCommand } from '@labflow/platform/handling';
import { OrdersUnitOfWork } from '../orders-unit-of-work';
import { OrderChangePublisher } from './order-change.publisher';
import { clientIdOf } from './order.model';

/** seed 004: placing an order creates its order transaction; the reply carries both ids. */
@Injectable()
@HandlesCommand(ORDER_COMMANDS.place, PlaceOrderInput)
export class PlaceOrderUseCase {
  constructor(private readonly changes: OrderChangePublisher) {}

  async execute(command: Command<PlaceOrderInput>, unit: OrdersUnitOfWork): Promise<PlaceOrderResult> {
    const { labId, input } = command;
    const clientId = clientIdOf(command.principal);
    const transactionId = randomUUID();
    await unit.orders.insertTransaction({ id: transactionId, labId, clientId });
    const order = await unit.orders.insertOrder({
      id: randomUUID(), labId, clientId, transactionId, origin: 'initial', parentId: null,
      performingLab: input.lab, walkIn: input.walk_in, clientUserId: input.client_user_id ?? null,
      patient: { ...input.patient_details }, biomarkers: input.biomarkers,
    });
    const view = await this.changes.created(unit, order);
    return { status: 'success', message: 'Order created', order_id: order.id, order_transaction_id: transactionId, order: view };
  }
}
