import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { FHIR_CONTENT_TYPE, isFhirRequest, operationOutcome } from './fhir-outcome';
import { RouteTable } from './route-table';

interface ErrorBody {
  statusCode: number;
  message: string;
  code?: string;
  errors?: string[];
  wwwAuthenticate?: string;
  retryAfter?: string;
}

/** Every error leaves the gateway as JSON: status, the specification's message, a code, the request id. */
@Catch()
export class JsonErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpError');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const reply = http.getResponse<FastifyReply>();
    const request = http.getRequest<FastifyRequest>();
    const body = this.methodNotAllowed(request) ?? this.toBody(exception);
    if (body.statusCode >= 500) this.logger.error(`${request.method} ${request.url}: ${describe(exception)}`);
    const { wwwAuthenticate, allow, retryAfter, ...rest } = body as ErrorBody & { allow?: string };
    if (wwwAuthenticate) void reply.header('WWW-Authenticate', wwwAuthenticate);
    if (retryAfter) void reply.header('Retry-After', retryAfter);
    if (allow) void reply.header('Allow', allow);
    if (isFhirRequest(request.url)) {
      void reply.status(body.statusCode).header('content-type', FHIR_CONTENT_TYPE)
        .send(operationOutcome(body.statusCode, body.message, body.code, request.id));
      return;
    }
    void reply.status(body.statusCode).send({ ...rest, requestId: request.id });
  }

  /** A known path asked with a method it does not serve is 405 (with Allow), not 404. */
  private methodNotAllowed(request: FastifyRequest): (ErrorBody & { allow: string }) | null {
    if (request.routeOptions?.url) return null;
    const url = request.url.split('?')[0];
    const allowed = RouteTable.methodsFor(url).filter((m) => m !== request.method);
    if (allowed.length === 0) return null;
    return { statusCode: 405, message: `Method ${request.method} is not allowed on ${url}`, code: 'METHOD_NOT_ALLOWED', allow: allowed.join(', ') };
  }

  private toBody(exception: unknown): ErrorBody {
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const response = exception.getResponse();
      if (typeof response === 'string') return { statusCode: status, message: response };
      const r = response as Partial<ErrorBody> & { message?: string | string[] };
      const message = Array.isArray(r.message) ? r.message[0] : r.message ?? exception.message;
      return { ...r, statusCode: status, message } as ErrorBody;
    }
    // Fastify errors (malformed JSON, body too large, wrong content type) carry their own status
    const e = exception as { statusCode?: number; message?: string; code?: string };
    if (typeof e?.statusCode === 'number' && e.statusCode >= 400 && e.statusCode < 500) {
      return { statusCode: e.statusCode, message: e.message ?? 'Bad request', code: e.code };
    }
    return { statusCode: 500, message: 'Internal server error', code: 'INTERNAL' };
  }
}

function describe(e: unknown): string {
  return e instanceof Error ? `${e.name}: ${e.message}` : String(e);
}
