import { call, HttpResult, tokenFor } from '@labflow/testing';

/** Tokens of one lab: two client applications and the lab partner integration. */
export async function orderTokens(labId: number): Promise<{ client: string; otherClient: string; lab: string }> {
  return {
    client: await tokenFor({ lab_id: labId, client_id: 'client-a', sub: 'svc-a' }),
    otherClient: await tokenFor({ lab_id: labId, client_id: 'client-b', sub: 'svc-b' }),
    lab: await tokenFor({ lab_id: labId, client_id: 'lab-integration', sub: 'lab', scope: 'orders:lab' }),
  };
}

export function orderBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    patient_details: { first_name: 'Ada', last_name: 'Lovelace', dob: '1990-04-01', gender: 'female', email: 'ada@example.com' },
    biomarkers: ['glucose', 'hba1c', 'ldl'],
    lab: 'quest',
    walk_in: true,
    ...overrides,
  };
}

export async function placeOrder(token: string, overrides: Record<string, unknown> = {}): Promise<HttpResult> {
  const res = await call('POST', '/v3/order', { token, body: orderBody(overrides) });
  if (res.status !== 200) throw new Error(`placing an order: ${res.status} ${JSON.stringify(res.body)}`);
  return res;
}

export function labStatus(token: string, orderId: string, status: string): Promise<HttpResult> {
  return call('POST', `/v3/lab/orders/${orderId}/status`, { token, body: { status } });
}

export function labResults(token: string, orderId: string, final: boolean, results: Record<string, unknown>[]): Promise<HttpResult> {
  return call('POST', `/v3/lab/orders/${orderId}/results`, { token, body: { final, results } });
}

/** Takes an initial order at a redraw lab to redraw_available (hba1c lost to a lab error). */
export async function orderToRedraw(client: string, lab: string): Promise<{ orderId: string; transactionId: string; redrawId: string }> {
  const placed = await placeOrder(client);
  const orderId = placed.body.order_id as string;
  expect((await labStatus(lab, orderId, 'requisition_created')).status).toBe(200);
  expect((await labStatus(lab, orderId, 'sample_received')).status).toBe(200);
  const finished = await labResults(lab, orderId, true, [
    { biomarker: 'glucose', result: '92', unit: 'mg/dL' },
    { biomarker: 'hba1c', missing_reason: 'lab_error' },
    { biomarker: 'ldl', result: '110', unit: 'mg/dL' },
  ]);
  expect(finished.status).toBe(200);
  expect(finished.body.low_level_status).toBe('redraw_available');
  const redraw = (finished.body.order_transaction.orders as { id: string; origin: string }[]).find((o) => o.origin === 'redraw');
  if (!redraw) throw new Error('no redraw order');
  return { orderId, transactionId: placed.body.order_transaction_id as string, redrawId: redraw.id };
}
