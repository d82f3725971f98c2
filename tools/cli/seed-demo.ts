/**
 * Seeds the demo lab through the public API (idempotent: what exists is reused).
 * Returns a one-line description of what the demo lab holds.
 */
export async function seedDemoLab(gateway: string, token: string): Promise<string> {
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': 'demo-seed-device-v1' };
  const res = await fetch(`${gateway}/api-v3/devices`, { method: 'POST', headers, body: JSON.stringify({ name: 'Demo Sysmex XN-1000' }) });
  const body = (await res.json()) as { id?: number; deviceAuth?: string };
  if (res.status >= 300) throw new Error(`seeding failed: ${res.status} ${JSON.stringify(body)}`);
  return `device ${body.id} (deviceAuth ${body.deviceAuth})`;
}
