import { Client } from '@elastic/elasticsearch';

export function connectElasticsearch(url: string): Client {
  return new Client({ node: url, requestTimeout: 10000, maxRetries: 2 });
}

/** The integ-test distribution has no root endpoint: health is `_cluster/health`. */
export async function pingElasticsearch(client: Client): Promise<void> {
  const health = await client.cluster.health({ timeout: '2s' });
  if (health.status === 'red') throw new Error('cluster health is red');
}
