import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../dev/app-processes';
import { appsYaml, kafkaTopicsYaml } from '../generate/manifests';
import { responseSchemasModule } from '../generate/response-schemas';
import { topicsMarkdown } from '../generate/topics-doc';

/** Writes the generated files: docs/topics.md and deploy/k8s/*.yaml from the contracts catalog, the gateway's response schemas from its controllers. */
export const GENERATED: Record<string, () => string> = {
  'docs/topics.md': topicsMarkdown,
  'deploy/k8s/kafka-topics.yaml': () => kafkaTopicsYaml(),
  'deploy/k8s/apps.yaml': appsYaml,
  'apps/gateway/src/http/response-schemas.generated.ts': responseSchemasModule,
};

if (require.main === module) {
  for (const [file, render] of Object.entries(GENERATED)) {
    writeFileSync(join(REPO_ROOT, file), render());
    console.log(`wrote ${file}`);
  }
}
