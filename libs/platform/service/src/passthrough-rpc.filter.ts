import { ArgumentsHost, Catch, ExceptionFilter, HttpException } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { Observable, throwError } from 'rxjs';

/**
 * Nest's default RPC filter turns every error into "Internal server error". LabFlow's Kafka
 * transport needs the original error to choose between reply, retry and dead letter. Service apps
 * serve only health and metrics over HTTP; an error there is a plain JSON 500.
 */
@Catch()
export class PassthroughRpcFilter implements ExceptionFilter<unknown> {
  catch(exception: unknown, host: ArgumentsHost): Observable<never> | void {
    if (host.getType() === 'http') {
      const status = exception instanceof HttpException ? exception.getStatus() : 500;
      const message = exception instanceof HttpException ? exception.message : 'Internal server error';
      void host.switchToHttp().getResponse<FastifyReply>().status(status).send({ statusCode: status, message });
      return;
    }
    return throwError(() => exception);
  }
}
