import { OrderOrigin, OrderStatus, PatientDetails } from '@labflow/contracts';

/** One row of orders.orders. */
export interface OrderRecord {
  id: string;
  labId: number;
  clientId: string;
  transactionId: string;
  origin: OrderOrigin;
  parentId: string | null;
  performingLab: string;
  walkIn: boolean;
  clientUserId: string | null;
  patient: PatientDetails;
  biomarkers: string[];
  status: OrderStatus;
  sequence: number;
  createdAt: Date;
  updatedAt: Date;
}

export interface StatusEventRecord {
  orderId: string;
  status: OrderStatus;
  createdAt: Date;
}

export interface ResultRecord {
  orderId: string;
  biomarker: string;
  result: string | null;
  unit: string | null;
  missingReason: string | null;
  reportedAt: Date;
}

/** Who owns client-side orders: the token's client_id, or its subject when it has none. */
export function clientIdOf(principal: { clientId: string | null; sub: string }): string {
  return principal.clientId ?? `sub:${principal.sub}`;
}

/** seed 004: completed, redraw_available and cancelled orders expect no further updates. */
export const FINAL_STATUSES: readonly OrderStatus[] = ['completed', 'redraw_available', 'cancelled'];
