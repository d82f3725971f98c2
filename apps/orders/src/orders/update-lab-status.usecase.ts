import { Injectable } from '@nestjs/common';
import { LAB_ORDER_COMMANDS, LabStatusInput, OrderStatus, OrderView } from '@labflow/contracts';
import { Command, HandlesCommand } from '@labflow/platform/handling';
import { OrdersUnitOfWork } from '../orders-unit-of-work';
import { OrderChangePublisher } from './order-change.publisher';
import { orderError } from './order.errors';
import { FINAL_STATUSES } from './order.model';
import { lockedOrderOfLab } from './locked-order';

/** From which statuses the lab may report each step: the lifecycle only moves forward. */
const ALLOWED_FROM: Record<'requisition_created' | 'sample_received', readonly OrderStatus[]> = {
  requisition_created: ['ordered'],
  sample_received: ['ordered', 'requisition_created'],
};

/**
 * The lab partner integration reports a requisition or a received sample. It acts for the whole lab
 * (tenant), whatever client placed the order; the order must be of the caller's lab.
 */
@Injectable()
@HandlesCommand(LAB_ORDER_COMMANDS.status, LabStatusInput)
export class UpdateLabStatusUseCase {
  constructor(private readonly changes: OrderChangePublisher) {}

  async execute(command: Command<LabStatusInput>, unit: OrdersUnitOfWork): Promise<OrderView> {
    const { status } = command.input;
    const order = await lockedOrderOfLab(unit, command.labId, command.input.orderId);
    if (FINAL_STATUSES.includes(order.status)) throw orderError('ORDER_FINISHED', order.status);
    if (!ALLOWED_FROM[status].includes(order.status)) throw orderError('INVALID_STATUS_TRANSITION', order.status, status);
    return this.changes.updated(unit, await unit.orders.changeStatus(order, status));
  }
}
