import { BadRequestException, ValidationPipe } from '@nestjs/common';
import { formatValidationErrors } from '@labflow/contracts';

/**
 * Whitelist validation (DESIGN §3): unknown fields are refused, never silently dropped, so a client
 * cannot set server-owned fields (mass assignment); the message names the failing field.
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => {
      const messages = formatValidationErrors(errors);
      return new BadRequestException({ statusCode: 400, message: messages[0] ?? 'Invalid request', code: 'VALIDATION_FAILED', errors: messages });
    },
  });
}
