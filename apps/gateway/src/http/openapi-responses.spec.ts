import { OpenAPIObject } from '@nestjs/swagger';
import { documentResponseSchemas } from './openapi-responses';

const documentOf = (operations: Record<string, string>, components: Record<string, unknown> = {}): OpenAPIObject => ({
  openapi: '3.0.0', info: { title: 't', version: '1' },
  paths: Object.fromEntries(Object.entries(operations).map(([path, operationId]) => [path, { get: { operationId, responses: { '200': { description: '' } } } }])),
  components: { schemas: components },
} as unknown as OpenAPIObject);

const generated = {
  operations: {
    A_view: { $ref: '#/components/schemas/PatientDetails' },
    A_list: { type: 'array', items: { $ref: '#/components/schemas/PatientDetails' } },
    A_refuse: null,
  },
  components: { PatientDetails: { type: 'object', description: 'A patient', properties: { first_name: { type: 'string' } }, additionalProperties: false } },
};

describe('documentResponseSchemas', () => {
  it('gives every success answer its generated schema and description', () => {
    const sut = documentResponseSchemas(documentOf({ '/a': 'A_view', '/b': 'A_list' }), generated);
    expect(sut.paths['/a'].get!.responses['200']).toEqual({
      description: 'A patient', content: { 'application/json': { schema: { $ref: '#/components/schemas/PatientDetails' } } },
    });
    expect((sut.paths['/b'].get!.responses['200'] as { description: string }).description).toBe('A list; each item: A patient');
    expect(sut.components!.schemas!.PatientDetails).toEqual(generated.components.PatientDetails);
  });

  it('names a reply type apart from a request schema of the same name, references included', () => {
    const request = { type: 'object', properties: { first_name: { type: 'string', maxLength: 100 } } };
    const sut = documentResponseSchemas(documentOf({ '/a': 'A_view' }, { PatientDetails: request }), generated);
    expect(sut.components!.schemas!.PatientDetails).toEqual(request);
    expect(sut.components!.schemas!.PatientDetailsReply).toEqual(generated.components.PatientDetails);
    expect((sut.paths['/a'].get!.responses['200'] as { content: Record<string, { schema: unknown }> }).content['application/json'].schema)
      .toEqual({ $ref: '#/components/schemas/PatientDetailsReply' });
  });

  it('documents no success answer for a route that only refuses', () => {
    const sut = documentResponseSchemas(documentOf({ '/r': 'A_refuse' }), generated);
    expect(sut.paths['/r'].get!.responses).toEqual({});
  });

  it('refuses to build a document with a route the generated schemas do not know', () => {
    expect(() => documentResponseSchemas(documentOf({ '/n': 'B_new' }), generated)).toThrow('no response schema for GET /n (run `npm run generate`)');
  });
});
