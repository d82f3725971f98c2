import { AppName, defineTopic, TopicSpec } from './topic';
import { DeviceDataReceived, DeviceRegistered } from './events/device.events';
import {
  RerunCancelled, RerunConfirmed, RerunRequestRecorded, RerunRequested, RerunValuesReceived,
} from './events/rerun.events';
import { OrderCreated, OrderRedrawAvailable, OrderUpdated } from './events/order.events';
import { MessageAttemptExhausted } from './events/webhook.events';
import { ActivityLogged } from './events/activity.events';
import { BillRegistered } from './events/registration.events';
import { SpecimenReceived } from './events/specimen.events';
import { ReportFormatSaved, ReportValuesUpdated } from './events/report.events';
import { CriticalCalloutOverdue, CriticalCalloutRecorded } from './events/critical.events';
import { ReportAutoverified, ReportHeld, ReportVerificationReviewed } from './events/verification.events';

/**
 * The topic catalog: every domain event topic, its one payload type, key, producers and consumers.
 * `docs/topics.md`, the Kubernetes KafkaTopic resources and `npm run topics` are generated from it.
 */
export const TOPICS = {
  billRegistered: defineTopic({
    name: 'bill.registered',
    version: 1,
    payload: BillRegistered,
    key: (p) => String(p.billId),
    keyDescription: 'billId',
    producers: ['reporting'],
    consumers: ['specimen', 'device-ingestion', 'critical-callout', 'fhir'],
    description: 'A patient was registered with a bill: lab reports and samples (specimens) were created.',
  }),
  deviceRegistered: defineTopic({
    name: 'device.registered',
    version: 1,
    payload: DeviceRegistered,
    key: (p) => String(p.deviceId),
    keyDescription: 'deviceId',
    producers: ['device-ingestion'],
    consumers: ['reporting', 'verification', 'fhir'],
    description: 'An analyzer was registered for a lab.',
  }),
  deviceDataReceived: defineTopic({
    name: 'device.data.received',
    version: 1,
    payload: DeviceDataReceived,
    key: (p) => `${p.labId}:${p.sampleId}`,
    keyDescription: 'labId:sampleId',
    producers: ['device-ingestion'],
    consumers: ['reporting', 'rerun'],
    description: 'An accepted analyzer payload, mapped to lab report parameters (seed 002).',
  }),
  reportFormatSaved: defineTopic({
    name: 'report_format.saved',
    version: 1,
    payload: ReportFormatSaved,
    key: (p) => String(p.testId),
    keyDescription: 'testId',
    producers: ['reporting'],
    consumers: ['verification', 'fhir'],
    description: 'A test report format (parameters, ranges, critical ranges, auto-rerun rules, age ranges) was created or replaced.',
  }),
  reportValuesUpdated: defineTopic({
    name: 'report.values_updated',
    version: 1,
    payload: ReportValuesUpdated,
    key: (p) => String(p.labReportId),
    keyDescription: 'labReportId',
    producers: ['reporting'],
    consumers: ['critical-callout', 'verification', 'fhir'],
    description: 'Values of a lab report were stored with their abnormal/critical evaluation (or parked for a signed report).',
  }),
  rerunRequested: defineTopic({
    name: 'rerun.requested',
    version: 1,
    payload: RerunRequested,
    key: (p) => String(p.labReportId),
    keyDescription: 'labReportId',
    producers: ['rerun'],
    consumers: [],
    description: 'An auto rerun qualified; written with the auto request it recorded as the system user (rerun.request_recorded).',
  }),
  rerunRequestRecorded: defineTopic({
    name: 'rerun.request_recorded',
    version: 1,
    payload: RerunRequestRecorded,
    key: (p) => String(p.labReportId),
    keyDescription: 'labReportId',
    producers: ['rerun'],
    consumers: ['reporting', 'verification'],
    description: 'A sample rerun was requested (manual or auto); reporting sets sampleRedrawFlag 3 (seed 000 §3).',
  }),
  rerunValuesReceived: defineTopic({
    name: 'rerun.values_received',
    version: 1,
    payload: RerunValuesReceived,
    key: (p) => String(p.labReportId),
    keyDescription: 'labReportId',
    producers: ['rerun'],
    consumers: ['reporting'],
    description: 'Rerun values arrived from the instrument; when fulfilled reporting sets sampleRedrawFlag 4 (seed 000 §2).',
  }),
  rerunConfirmed: defineTopic({
    name: 'rerun.confirmed',
    version: 1,
    payload: RerunConfirmed,
    key: (p) => String(p.labReportId),
    keyDescription: 'labReportId',
    producers: ['rerun'],
    consumers: ['reporting', 'verification', 'fhir'],
    description: 'Rerun values confirmed: reporting replaces the chosen values, sampleRedrawFlag 0; carries originals, rerun values and choices (seed 000 §4).',
  }),
  rerunCancelled: defineTopic({
    name: 'rerun.cancelled',
    version: 1,
    payload: RerunCancelled,
    key: (p) => String(p.labReportId),
    keyDescription: 'labReportId',
    producers: ['rerun'],
    consumers: ['reporting', 'verification'],
    description: 'A sample rerun was aborted; reporting sets sampleRedrawFlag 0 (seed 000 §5).',
  }),
  orderRedrawAvailable: defineTopic({
    name: 'order.redraw_available',
    version: 1,
    payload: OrderRedrawAvailable,
    key: (p) => p.orderTransactionId,
    keyDescription: 'orderTransactionId',
    producers: ['orders'],
    consumers: [],
    description: 'An initial order went to redraw_available and its redraw order was created (seed 004).',
  }),
  orderCreated: defineTopic({
    name: 'order.created',
    version: 1,
    payload: OrderCreated,
    key: (p) => p.orderTransactionId,
    keyDescription: 'orderTransactionId',
    producers: ['orders'],
    consumers: ['fhir'],
    description: 'An order was placed (initial) or created for a redraw (seed 004).',
  }),
  orderUpdated: defineTopic({
    name: 'order.updated',
    version: 1,
    payload: OrderUpdated,
    key: (p) => p.orderTransactionId,
    keyDescription: 'orderTransactionId',
    producers: ['orders'],
    consumers: ['fhir'],
    description: 'An order changed low-level status; sequence increases per order (seed 004).',
  }),
  messageAttemptExhausted: defineTopic({
    name: 'message.attempt.exhausted',
    version: 1,
    payload: MessageAttemptExhausted,
    key: (p) => p.endpointId,
    keyDescription: 'endpointId',
    producers: ['orders'],
    consumers: [],
    description: 'A webhook message failed every attempt of its retry schedule.',
  }),
  activityLogged: defineTopic({
    name: 'activity.logged',
    version: 1,
    payload: ActivityLogged,
    key: (p) => String(p.labReportId ?? p.billId ?? p.labId),
    keyDescription: 'labReportId (or billId, or labId)',
    producers: ['rerun', 'critical-callout', 'reporting', 'verification'],
    consumers: ['audit'],
    description: 'An activity-log entry (activity codes 980/981/984/985, callout category 648).',
  }),
  criticalCalloutRecorded: defineTopic({
    name: 'critical.callout_recorded',
    version: 1,
    payload: CriticalCalloutRecorded,
    key: (p) => String(p.billId),
    keyDescription: 'billId',
    producers: ['critical-callout'],
    consumers: ['reporting'],
    description: 'A critical-value callout (draft, attempt or done) was recorded for reports of a bill (seed 001).',
  }),
  criticalCalloutOverdue: defineTopic({
    name: 'critical.callout_overdue',
    version: 1,
    payload: CriticalCalloutOverdue,
    key: (p) => String(p.labReportId),
    keyDescription: 'labReportId',
    producers: ['critical-callout'],
    consumers: [],
    description: 'A pending critical value was not called out (done) within the allowed time; published once per report.',
  }),
  reportAutoverified: defineTopic({
    name: 'report.autoverified',
    version: 1,
    payload: ReportAutoverified,
    key: (p) => String(p.labReportId),
    keyDescription: 'labReportId',
    producers: ['verification'],
    consumers: ['reporting'],
    description: 'Every parameter of an applied upload passed the test\'s autoverification rule set: the report is released by rule.',
  }),
  reportHeld: defineTopic({
    name: 'report.held',
    version: 1,
    payload: ReportHeld,
    key: (p) => String(p.labReportId),
    keyDescription: 'labReportId',
    producers: ['verification'],
    consumers: ['reporting'],
    description: 'An applied upload failed autoverification: the report waits for a person, with every rule that fired and its inputs.',
  }),
  reportVerificationReviewed: defineTopic({
    name: 'report.verification_reviewed',
    version: 1,
    payload: ReportVerificationReviewed,
    key: (p) => String(p.labReportId),
    keyDescription: 'labReportId',
    producers: ['verification'],
    consumers: ['reporting'],
    description: 'A person released or rejected a report autoverification held, with a comment (and the rerun a rejection requested).',
  }),
  specimenReceived: defineTopic({
    name: 'specimen.received',
    version: 1,
    payload: SpecimenReceived,
    key: (p) => p.specimenId,
    keyDescription: 'specimenId',
    producers: ['specimen'],
    consumers: ['fhir'],
    description: 'The received time of a specimen was set (seed 003 job); set once, never changed.',
  }),
} as const;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const ALL_TOPICS: readonly TopicSpec<any>[] = Object.values(TOPICS);

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function topicByName(name: string): TopicSpec<any> | undefined {
  return ALL_TOPICS.find((t) => t.name === name);
}

export const dlqTopicOf = (topic: string): string => `${topic}.dlq`;

/** Request/reply: commands go to `<app>.commands`; each asking app reads its replies on `<app>.replies`. */
export const commandTopicOf = (app: AppName): string => `${app}.commands`;
export const replyTopicOf = (app: AppName): string => `${app}.replies`;
/** The gateway's replies: where an answering app replies when a command names no `reply-to`. */
export const REPLY_TOPIC = replyTopicOf('gateway');
/**
 * Who asks other apps over request/reply. Each reads only its own replies, named in the command's
 * `reply-to` header: no app decodes another's.
 */
const REQUESTING_APPS: readonly AppName[] = ['gateway', 'rerun', 'device-ingestion', 'verification'];
export const REPLY_TOPICS: readonly string[] = REQUESTING_APPS.map(replyTopicOf);
export const COMMAND_APPS: readonly AppName[] = [
  'reporting', 'device-ingestion', 'rerun', 'critical-callout', 'specimen', 'orders', 'audit', 'verification', 'analyzer-bridge', 'fhir',
];

/** Every topic the platform needs, with its partition count (more than one everywhere). */
export function topicPlan(partitions = 6): { topic: string; numPartitions: number }[] {
  const names = [
    ...ALL_TOPICS.map((t) => t.name),
    ...COMMAND_APPS.map(commandTopicOf),
    ...REPLY_TOPICS,
  ];
  const withDlq = names.flatMap((n) => (REPLY_TOPICS.includes(n) ? [n] : [n, dlqTopicOf(n)]));
  return withDlq.map((topic) => ({ topic, numPartitions: partitions }));
}
