import { ApiResponse, OpenAPIObject } from '@nestjs/swagger';

/** A runtime expression of OpenAPI links: a field of the success body, by JSON pointer. */
export type BodyField = `$response.body#/${string}`;

/** Per linked operation (its operation id, `<Controller>_<method>`): each parameter and the answer field it takes. */
export type LinkTargets = Record<string, Record<string, BodyField>>;

/**
 * Declares, on the route that creates something, the operations that take what it answers (an
 * OpenAPI `links` object on its success): a client learns which id goes where, and a stateful
 * fuzzer chains real ids (create a test, then read and update it) instead of guessing ids that
 * do not exist. The response schema itself is added later (openapi-responses.ts keeps the links).
 */
export function ApiLinks(status: number, targets: LinkTargets): MethodDecorator {
  const links = Object.fromEntries(Object.entries(targets).map(([operationId, parameters]) => [operationId, { operationId, parameters }]));
  return ApiResponse({ status, description: '', links });
}

/** Every link of the document names an operation it has, and a parameter that operation takes: a typo fails the start. */
export function checkLinks(document: OpenAPIObject): void {
  type Operation = { operationId?: string; parameters?: { name: string }[]; responses?: Record<string, { links?: Record<string, { operationId?: string; parameters?: Record<string, string> }> }> };
  const operations = Object.values(document.paths).flatMap((item) => Object.values(item as object) as Operation[]).filter((o) => typeof o === 'object' && o !== null);
  const byId = new Map(operations.map((o) => [o.operationId, o]));
  for (const operation of operations) {
    for (const response of Object.values(operation.responses ?? {})) {
      for (const [name, link] of Object.entries(response.links ?? {})) {
        const target = byId.get(link.operationId);
        if (!target) throw new Error(`OpenAPI: ${operation.operationId} links to ${name}, which is no operation`);
        const unknown = Object.keys(link.parameters ?? {}).filter((p) => !(target.parameters ?? []).some((t) => t.name === p));
        if (unknown.length > 0) throw new Error(`OpenAPI: ${operation.operationId} links ${unknown.join(', ')} to ${name}, which takes no such parameter`);
      }
    }
  }
}
