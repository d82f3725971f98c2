import { ArgumentsHost, Catch, RpcExceptionFilter } from '@nestjs/common';
import { Observable, throwError } from 'rxjs';

/**
 * Nest's default RPC filter turns every error into "Internal server error". LabFlow's Kafka
 * transport needs the original error to choose between reply, retry and dead letter.
 */
@Catch()
export class PassthroughRpcFilter implements RpcExceptionFilter<unknown> {
  catch(exception: unknown, host: ArgumentsHost): Observable<never> {
    if (host.getType() === 'http') throw exception;
    return throwError(() => exception);
  }
}
