import { Initial1732400000000 } from './1732400000000-initial';
import { Orders1764000000000 } from './1764000000000-orders';
import { WebhookTraceHeaders1766000000000 } from './1766000000000-webhook-trace-headers';
import { WebhookEndpointControls1767000000000 } from './1767000000000-webhook-endpoint-controls';

export { SCHEMA } from './1732400000000-initial';
export const MIGRATIONS = [Initial1732400000000, Orders1764000000000, WebhookTraceHeaders1766000000000, WebhookEndpointControls1767000000000];
