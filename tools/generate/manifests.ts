import { APP_NAMES, AppName, topicPlan } from '@labflow/contracts';
import { BASE_PORTS } from '../dev/environment';

/** Stores each app needs (DESIGN §1), for container environment and docs. */
export const APP_STORES: Record<AppName, string[]> = {
  gateway: ['redis'],
  reporting: ['postgres', 'mongodb', 'elasticsearch'],
  'device-ingestion': ['postgres'],
  rerun: ['mongodb', 'redis'],
  'critical-callout': ['postgres'],
  specimen: ['postgres'],
  orders: ['postgres'],
  audit: ['postgres', 'elasticsearch'],
  'analyzer-bridge': ['postgres'],
  verification: ['postgres'],
  fhir: ['postgres'],
};

const HEADER = '# Generated from libs/contracts by `npm run generate`; do not edit by hand.\n';

/** Strimzi KafkaTopic resources: every catalog topic, its DLQ, the command topics and the reply topics. */
export function kafkaTopicsYaml(partitions = 6): string {
  const names = topicPlan(partitions).map((t) => t.topic);
  return HEADER + names.map((name) => `---
apiVersion: kafka.strimzi.io/v1beta2
kind: KafkaTopic
metadata:
  name: ${name.replace(/[._]/g, '-')}
  labels:
    strimzi.io/cluster: labflow
spec:
  topicName: ${name}
  partitions: ${partitions}
  replicas: 3
  config:
    min.insync.replicas: "2"
    retention.ms: "${name.endsWith('.dlq') ? 2592000000 : 604800000}"
`).join('');
}

/** A Deployment and a Service per app; config from the labflow-config ConfigMap and secrets. */
export function appsYaml(): string {
  return HEADER + APP_NAMES.map((app) => `---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${app}
  labels: { app.kubernetes.io/name: ${app}, app.kubernetes.io/part-of: labflow }
spec:
  replicas: ${app === 'gateway' ? 2 : 1}
  selector: { matchLabels: { app.kubernetes.io/name: ${app} } }
  template:
    metadata:
      labels: { app.kubernetes.io/name: ${app}, app.kubernetes.io/part-of: labflow }
    spec:
      terminationGracePeriodSeconds: 40
      containers:
        - name: ${app}
          image: labflow/${app}:latest
          env:
            - { name: HOST, value: "0.0.0.0" }
            - { name: PORT, value: "${BASE_PORTS[app]}" }
            - { name: INSTANCE_ID, valueFrom: { fieldRef: { fieldPath: metadata.name } } }
          envFrom:
            - configMapRef: { name: labflow-config }
            - secretRef: { name: labflow-secrets }
          ports: [{ containerPort: ${BASE_PORTS[app]}, name: http }]
          readinessProbe: { httpGet: { path: /health/ready, port: http }, periodSeconds: 5, failureThreshold: 3 }
          livenessProbe: { httpGet: { path: /health/live, port: http }, periodSeconds: 10, failureThreshold: 6 }
          resources:
            requests: { cpu: 100m, memory: 192Mi }
            limits: { memory: 512Mi }
---
apiVersion: v1
kind: Service
metadata:
  name: ${app}
spec:
  selector: { app.kubernetes.io/name: ${app} }
  ports: [{ port: ${BASE_PORTS[app]}, targetPort: http, name: http }]
`).join('');
}
