import { DeviceConnectionConfig } from './device-connection.config';

/** What turns the open registered connections into the wanted ones. */
export interface ConnectionPlan {
  open: DeviceConnectionConfig[];
  /** Names of the connections to close. */
  close: string[];
  /** Open, but changed: closed (without cutting a transfer) and opened as wanted. */
  reopen: DeviceConnectionConfig[];
}

/** Every field that changes how the connection is opened or what its messages become. */
const FIELDS: (keyof DeviceConnectionConfig)[] = ['protocol', 'mode', 'host', 'port', 'profile', 'reconnectMs', 'labId', 'deviceAuth'];

export const sameConnection = (a: DeviceConnectionConfig, b: DeviceConnectionConfig): boolean => FIELDS.every((f) => a[f] === b[f]);

/**
 * Reconciles by name: a wanted connection not open is opened, an open one no longer wanted is
 * closed, one whose settings changed is reopened; an unchanged one is left alone (its sessions too).
 */
export function planConnections(
  current: ReadonlyMap<string, DeviceConnectionConfig>, wanted: ReadonlyMap<string, DeviceConnectionConfig>,
): ConnectionPlan {
  const plan: ConnectionPlan = { open: [], close: [], reopen: [] };
  for (const [name, device] of wanted) {
    const open = current.get(name);
    if (!open) plan.open.push(device);
    else if (!sameConnection(open, device)) plan.reopen.push(device);
  }
  for (const name of current.keys()) if (!wanted.has(name)) plan.close.push(name);
  return plan;
}
