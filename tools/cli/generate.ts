import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../dev/app-processes';
import { appsYaml, kafkaTopicsYaml } from '../generate/manifests';
import { topicsMarkdown } from '../generate/topics-doc';

/** Writes the files generated from the contracts catalog: docs/topics.md and deploy/k8s/*.yaml. */
export const GENERATED: Record<string, () => string> = {
  'docs/topics.md': topicsMarkdown,
  'deploy/k8s/kafka-topics.yaml': () => kafkaTopicsYaml(),
  'deploy/k8s/apps.yaml': appsYaml,
};

if (require.main === module) {
  for (const [file, render] of Object.entries(GENERATED)) {
    writeFileSync(join(REPO_ROOT, file), render());
    console.log(`wrote ${file}`);
  }
}
