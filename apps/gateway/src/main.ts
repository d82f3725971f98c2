import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { randomUUID } from 'node:crypto';
import { loadConfig } from '@labflow/platform/config';
import { JsonLogger } from '@labflow/platform/observability';
import { installLibraryPatches } from '@labflow/platform/patches';
import { installShutdown, instrumentHttp, startAppTracing, traceHttpRequests } from '@labflow/platform/service';
import { applyConsistencyHeaders } from './consistency';
import { GatewayConfig } from './gateway.config';
import { documentValidationConstraints } from './http/openapi-constraints';
import { checkLinks } from './http/api-links.decorator';
import { documentErrorResponses } from './http/openapi-errors';
import { documentResponseSchemas } from './http/openapi-responses';
import { RouteTable } from './http/route-table';
import { gatewayModule } from './gateway.module';

installLibraryPatches(); // the class-validator cache and the kafkajs timer fix, for this process

async function main(): Promise<void> {
  const config = loadConfig('gateway', GatewayConfig);
  startAppTracing('gateway', config);
  const adapter = new FastifyAdapter({
    bodyLimit: 1024 * 1024,
    // Long ids reach validation (a clear 400/404) instead of Fastify's own 414.
    maxParamLength: 1000,
    // The specifications write some paths with a trailing slash (seed 003 `…/actions/`); Nest drops it
    // when registering, so both spellings must reach the route.
    routerOptions: { ignoreTrailingSlash: true },
    // A caller-supplied request id is kept (correlation across systems); otherwise one is made.
    genReqId: (req: { headers: Record<string, string | string[] | undefined> }) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w.:-]{8,100}$/.test(given) ? given : randomUUID();
    },
    requestIdHeader: false,
  });
  const app = await NestFactory.create<NestFastifyApplication>(gatewayModule(config), adapter, { logger: new JsonLogger('gateway', config.LOG_LEVEL) });
  instrumentHttp(app);
  traceHttpRequests(app);
  app.getHttpAdapter().getInstance().addHook('onSend', async (request, reply) => {
    void reply.header('x-request-id', request.id);
    applyConsistencyHeaders(request as unknown as FastifyRequest, reply as unknown as FastifyReply);
  });
  // constraints first: the error pass then makes optional fields (and their enums) nullable
  const document = documentErrorResponses(documentResponseSchemas(documentValidationConstraints(SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('LabFlow API')
      .setDescription('Laboratory information system backend: analyzer results, reruns, critical callouts, specimens, orders.')
      .setVersion('1')
      .addBearerAuth()
      .build(),
  ))));
  checkLinks(document);
  RouteTable.load(document);
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs/openapi.json' });
  await app.listen(config.PORT, config.HOST);
  const logger = new Logger('gateway');
  logger.log(`gateway ready on http://${config.HOST}:${config.PORT} (OpenAPI at /docs)`);
  installShutdown(app, null, logger);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
