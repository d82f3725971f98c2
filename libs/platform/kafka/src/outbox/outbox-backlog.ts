/** What an outbox holds that its relay has not published yet (readiness and the outbox gauges show it). */
export interface OutboxBacklog {
  count: number;
  /** Age of the oldest unpublished event; 0 when there is none. */
  oldestAgeMs: number;
}
