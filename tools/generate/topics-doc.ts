import { ALL_TOPICS, COMMAND_APPS, commandTopicOf, dlqTopicOf, REPLY_TOPIC, REPLY_TOPICS } from '@labflow/contracts';
import { getMetadataStorage } from 'class-validator';

/** Payload fields of a catalog class, from its class-validator metadata. */
function fieldsOf(cls: new (...args: never[]) => object): string[] {
  const metas = getMetadataStorage().getTargetValidationMetadatas(cls, '', true, false);
  return [...new Set(metas.map((m) => m.propertyName))];
}

/** docs/topics.md, generated from the catalog (checked by a test so it never drifts). */
export function topicsMarkdown(): string {
  const rows = ALL_TOPICS.map((t) => `| \`${t.name}\` | v${t.version} | \`${t.keyDescription}\` | ${fieldsOf(t.payload).map((f) => `\`${f}\``).join(', ')} | ${t.producers.join(', ')} | ${t.consumers.join(', ') || '(downstream systems)'} | ${t.description} |`);
  return `# Topics

Generated from \`libs/contracts/src/topics.ts\` by \`npm run generate\`; a test fails when it drifts.

Every message is an envelope \`{ id, type, version, occurredAt, labId, correlationId, causationId, payload }\`
(JSON value; headers \`message-id\`, \`message-type\`, \`correlation-id\`, \`causation-id\`). The key is the
aggregate id, so one aggregate's events keep their order. Each topic has a dead-letter topic
\`<topic>.dlq\` (original message, headers \`dlq-reason\`, \`dlq-error\`, \`dlq-consumer-group\`,
\`dlq-original-topic/partition/offset\`, \`dlq-attempts\`); replay with \`npm run dlq:replay -- --topic <topic>\`.

## Domain events

| topic | version | key | payload fields | producers | consumers | meaning |
| --- | --- | --- | --- | --- | --- | --- |
${rows.join('\n')}

## Request/reply

The gateway sends commands to \`<app>.commands\` (${COMMAND_APPS.map((a) => `\`${commandTopicOf(a)}\``).join(', ')});
the envelope's \`type\` names the command and its payload is \`{ principal, input }\`. Replies
(\`{ ok, status, body | error }\`) come back on the topic the command's \`reply-to\` header names, with header
\`request-id\`: \`${REPLY_TOPIC}\` for the gateway. Commands that cannot be handled go to
\`${dlqTopicOf('<app>.commands')}\`. A service that asks another one synchronously (\`RequestReplyModule\`: rerun and
device-ingestion ask reporting) sends and waits the same way on a reply topic of its own
(${REPLY_TOPICS.filter((t) => t !== REPLY_TOPIC).map((t) => `\`${t}\``).join(', ')}), so no app reads another's replies. Reply
consumers commit no offsets: a stopped instance leaves no consumer group behind.
`;
}
