import { randomUUID } from 'node:crypto';

/**
 * Every message on a LabFlow topic is an envelope (DESIGN §2). `id` is the de-duplication key
 * consumers record in their inbox; `correlationId` follows one request across every hop;
 * `causationId` is the id of the message (or HTTP request) that caused this one.
 */
export interface Envelope<TPayload = unknown> {
  id: string;
  type: string;
  version: number;
  occurredAt: string;
  labId: number | null;
  correlationId: string;
  causationId: string | null;
  payload: TPayload;
}

/** What a producer knows about why it is producing: carried from message to message. */
export interface MessageContext {
  labId: number | null;
  correlationId: string;
  causationId: string | null;
}

export function newEnvelope<T>(type: string, version: number, payload: T, ctx: MessageContext): Envelope<T> {
  return {
    id: randomUUID(),
    type,
    version,
    occurredAt: new Date().toISOString(),
    labId: ctx.labId,
    correlationId: ctx.correlationId,
    causationId: ctx.causationId,
    payload,
  };
}

/** The context for messages caused by `cause`: same lab and correlation, causation = cause id. */
export function contextFrom(cause: Envelope): MessageContext {
  return { labId: cause.labId, correlationId: cause.correlationId, causationId: cause.id };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Structural check of an envelope read off the wire; the payload is validated separately. */
export function envelopeProblems(value: unknown): string[] {
  if (typeof value !== 'object' || value === null) return ['envelope is not an object'];
  const e = value as Record<string, unknown>;
  const problems: string[] = [];
  if (typeof e.id !== 'string' || !UUID.test(e.id)) problems.push('id must be a UUID');
  if (typeof e.type !== 'string' || e.type.length === 0) problems.push('type must be a non-empty string');
  if (!Number.isInteger(e.version)) problems.push('version must be an integer');
  if (typeof e.occurredAt !== 'string' || Number.isNaN(Date.parse(e.occurredAt))) problems.push('occurredAt must be an ISO date');
  if (e.labId !== null && !Number.isInteger(e.labId)) problems.push('labId must be an integer or null');
  if (typeof e.correlationId !== 'string' || e.correlationId.length === 0) problems.push('correlationId must be a string');
  if (e.causationId !== null && typeof e.causationId !== 'string') problems.push('causationId must be a string or null');
  if (typeof e.payload !== 'object' || e.payload === null) problems.push('payload must be an object');
  return problems;
}
