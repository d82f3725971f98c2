import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ALL_TOPICS, APP_NAMES } from '@labflow/contracts';
import { REPO_ROOT } from '../dev/app-processes';
import { GENERATED } from '../cli/generate';

const read = (file: string) => readFileSync(join(REPO_ROOT, file), 'utf8');

describe('files generated from the contracts catalog', () => {
  it.each(Object.keys(GENERATED))('%s matches the catalog (run `npm run generate`)', (file) => {
    expect(read(file)).toBe(GENERATED[file]());
  });

  it('every app has a Deployment and a compose service', () => {
    const k8s = read('deploy/k8s/apps.yaml');
    const compose = read('docker/compose.yaml');
    for (const app of APP_NAMES) {
      expect(k8s).toContain(`kind: Deployment\nmetadata:\n  name: ${app}\n`);
      expect(compose).toMatch(new RegExp(`\\n  ${app}:\\n    <<: \\*app\\n    environment: \\{ <<: \\*app-env, APP: ${app},`));
    }
  });

  it('every topic and its DLQ is a KafkaTopic resource', () => {
    const topics = read('deploy/k8s/kafka-topics.yaml');
    for (const t of ALL_TOPICS) {
      expect(topics).toContain(`topicName: ${t.name}\n`);
      expect(topics).toContain(`topicName: ${t.name}.dlq\n`);
    }
  });
});
