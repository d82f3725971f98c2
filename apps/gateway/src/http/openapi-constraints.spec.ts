import { OpenAPIObject } from '@nestjs/swagger';
import { documentValidationConstraints } from './openapi-constraints';

/** The shapes @nestjs/swagger emits for these classes before the validators' constraints are added. */
function documentOf(): OpenAPIObject {
  const array = (items: object) => ({ type: 'array', items });
  return {
    openapi: '3.0.0', info: { title: 't', version: '1' },
    paths: {
      '/v3/order/{orderId}': { get: { parameters: [{ name: 'orderId', in: 'path', required: true, schema: { type: 'string' } }], responses: {} } },
      '/getReportFormatForTestEntry': { get: { parameters: [{ name: 'labReportId', in: 'query', required: true, schema: { type: 'number' } }], responses: {} } },
      '/report/bulk/critical-notification/logs': { get: { parameters: [{ name: 'report_ids', in: 'query', required: true, schema: { type: 'string' } }], responses: {} } },
      '/api-v3/devices/{id}/mappings': { post: { parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'number' } }], responses: {} } },
      '/api-v3/verification/devices/{deviceId}/qc-hold': {
        put: { requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/QcHoldBody' } } } }, responses: {} },
      },
      '/api-v3/registrations': {
        post: { requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/RegisterPatientInput' } } } }, responses: {} },
      },
    },
    components: {
      schemas: {
        RegisterPatientInput: { type: 'object', required: ['samples'], properties: { samples: array({ $ref: '#/components/schemas/RegistrationSampleDto' }) } },
        RegistrationSampleDto: { type: 'object', properties: { collectedAt: { type: 'string' } } },
        RegistrationPatientDto: { type: 'object', properties: { dateOfBirth: { type: 'string', format: 'date' } } },
        DeviceResultsValidationDates: { type: 'object', properties: { startDate: { type: 'string' } } },
        QcHoldBody: { type: 'object', properties: { reason: { type: 'string' } } },
        DevicePayloadDataDto: { type: 'object', properties: { values: array({ $ref: '#/components/schemas/DevicePayloadValueDto' }) } },
        LabUserDepartmentsBody: { type: 'object', properties: { department_ids: array({ type: 'number' }) } },
        RegisterWebhookEndpointInput: { type: 'object', properties: { event_types: array({ type: 'string' }), url: { type: 'string' } } },
      },
    },
  } as unknown as OpenAPIObject;
}

describe('documentValidationConstraints', () => {
  const sut = documentValidationConstraints(documentOf());
  const schemas = sut.components!.schemas as Record<string, { properties: Record<string, Record<string, unknown>> }>;
  const parameter = (path: string) => (Object.values(sut.paths[path])[0] as { parameters: { schema: unknown }[] }).parameters[0].schema;

  it('says date-time where the validator checks ISO 8601, and from year 100 where it checks strictly', () => {
    expect(schemas.RegistrationSampleDto.properties.collectedAt).toEqual({ type: 'string', format: 'date-time' });
    expect(schemas.DeviceResultsValidationDates.properties.startDate).toEqual({ type: 'string', format: 'date-time', pattern: '^(0[1-9]|[1-9][0-9])[0-9]{2}-' });
    // a date of birth keeps its own format, and its YYYY-MM-DD pattern gets the year bound
    expect(schemas.RegistrationPatientDto.properties.dateOfBirth).toEqual({ type: 'string', format: 'date', pattern: '^(0[1-9]|[1-9][0-9])[0-9]{2}-\\d{2}-\\d{2}$' });
  });

  it('makes a body optional and nullable when its class requires no field, and only then', () => {
    const body = (path: string) => (Object.values(sut.paths[path])[0] as { requestBody: unknown }).requestBody;
    expect(body('/api-v3/verification/devices/{deviceId}/qc-hold')).toEqual({
      required: false, content: { 'application/json': { schema: { nullable: true, allOf: [{ $ref: '#/components/schemas/QcHoldBody' }] } } },
    });
    expect(body('/api-v3/registrations')).toMatchObject({ required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/RegisterPatientInput' } } } });
  });

  it('gives arrays the sizes their validators require (minItems, maxItems, uniqueItems)', () => {
    expect(schemas.RegisterPatientInput.properties.samples).toMatchObject({ minItems: 1, maxItems: 50 });
    expect(schemas.DevicePayloadDataDto.properties.values).toMatchObject({ minItems: 1 });
    expect(schemas.RegisterWebhookEndpointInput.properties.event_types).toMatchObject({ minItems: 1, maxItems: 2, uniqueItems: true });
    expect(schemas.RegisterWebhookEndpointInput.properties.url).toMatchObject({ maxLength: 2000 });
  });

  it('constrains each element of an array where the validator says each', () => {
    expect(schemas.LabUserDepartmentsBody.properties.department_ids.items).toEqual({ type: 'integer', minimum: 1, maximum: 2147483647 });
    expect(schemas.RegisterWebhookEndpointInput.properties.event_types.items).toEqual({
      type: 'string', enum: ['labtest.order.created', 'labtest.order.updated'],
    });
  });

  it('gives path and query parameters the constraints of the input they are validated as', () => {
    expect(parameter('/v3/order/{orderId}')).toEqual({ type: 'string', format: 'uuid' });
    // ids are PostgreSQL ints: a larger one is refused by the validator, and so by the document
    expect(parameter('/getReportFormatForTestEntry')).toEqual({ type: 'integer', minimum: 1, maximum: 2147483647 });
    expect(parameter('/api-v3/devices/{id}/mappings')).toEqual({ type: 'integer', minimum: 1, maximum: 2147483647 });
    // 20000 characters do not fit in a request line (Node answers 431 first): no maxLength promised
    expect(parameter('/report/bulk/critical-notification/logs')).toEqual({ type: 'string' });
  });
});
