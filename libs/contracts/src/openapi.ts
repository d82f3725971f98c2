// OpenAPI metadata for request/response classes. Metadata only: the decorators do nothing at runtime
// beyond recording the schema that the gateway's /docs document is built from.
export { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
