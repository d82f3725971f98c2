import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { REPO_ROOT } from '../dev/app-processes';

/** A JSON schema as OpenAPI 3.0 writes it (a plain object). */
export type Schema = Record<string, unknown>;

export interface ResponseSchemas {
  /** By operation id (`Controller_method`, @nestjs/swagger's default): the schema of its success body (null: it only refuses). */
  operations: Record<string, Schema | null>;
  /** Named reply types (interfaces, classes, aliases of the contracts), referenced from `operations`. */
  components: Record<string, Schema>;
}

const ROUTES_DIR = 'apps/gateway/src/routes';

/**
 * The success body of every gateway route, read from the TypeScript return type of its controller
 * method (the command's result type, which the owning app's handler must return): the document says
 * what the compiled code returns, so the two cannot drift apart without this file changing.
 */
export function responseSchemas(): ResponseSchemas {
  const config = ts.getParsedCommandLineOfConfigFile(join(REPO_ROOT, 'tsconfig.json'), {}, {
    ...ts.sys, onUnRecoverableConfigFileDiagnostic: (d) => { throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n')); },
  });
  if (!config) throw new Error('tsconfig.json could not be read');
  const files = readdirSync(join(REPO_ROOT, ROUTES_DIR)).filter((f) => f.endsWith('.controller.ts')).sort().map((f) => join(REPO_ROOT, ROUTES_DIR, f));
  const program = ts.createProgram(files, { ...config.options, noEmit: true });
  const checker = program.getTypeChecker();
  const builder = new SchemaBuilder(checker);
  const operations: Record<string, Schema | null> = {};
  for (const file of files) {
    ts.forEachChild(program.getSourceFile(file)!, (node) => {
      if (!ts.isClassDeclaration(node) || !node.name || !isDecorated(node, 'Controller')) return;
      for (const member of node.members) {
        if (!ts.isMethodDeclaration(member) || !ts.isIdentifier(member.name) || !HTTP_METHODS.some((m) => isDecorated(member, m))) continue;
        const signature = checker.getSignatureFromDeclaration(member);
        if (!signature) continue;
        const returned = unwrapPromise(checker, checker.getReturnTypeOfSignature(signature));
        // a route that returns `never` only refuses (e.g. a path without its id)
        operations[`${node.name.text}_${member.name.text}`] = returned.flags & ts.TypeFlags.Never ? null : builder.schemaOf(returned);
      }
    });
  }
  return { operations, components: builder.components };
}

const HTTP_METHODS = ['Get', 'Post', 'Put', 'Patch', 'Delete'];

function isDecorated(node: ts.HasDecorators, name: string): boolean {
  return (ts.getDecorators(node) ?? []).some((d) => ts.isCallExpression(d.expression) && ts.isIdentifier(d.expression.expression) && d.expression.expression.text === name);
}

function unwrapPromise(checker: ts.TypeChecker, type: ts.Type): ts.Type {
  const symbol = type.getSymbol();
  if (symbol?.name === 'Promise') return checker.getTypeArguments(type as ts.TypeReference)[0] ?? type;
  return type;
}

/** TypeScript types to OpenAPI 3.0 schemas: named object types become components, the rest inline. */
class SchemaBuilder {
  readonly components: Record<string, Schema> = {};
  private readonly building = new Set<string>();

  constructor(private readonly checker: ts.TypeChecker) {}

  schemaOf(type: ts.Type): Schema {
    const { checker } = this;
    if (type.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) return {};
    if (type.flags & ts.TypeFlags.StringLiteral) return { type: 'string', enum: [(type as ts.StringLiteralType).value] };
    if (type.flags & ts.TypeFlags.NumberLiteral) return { type: 'number', enum: [(type as ts.NumberLiteralType).value] };
    if (type.flags & ts.TypeFlags.BooleanLiteral) return { type: 'boolean', enum: [checker.typeToString(type) === 'true'] };
    if (type.flags & ts.TypeFlags.String) return { type: 'string' };
    if (type.flags & ts.TypeFlags.Number) return { type: 'number' };
    if (type.flags & ts.TypeFlags.Boolean) return { type: 'boolean' };
    if (type.flags & ts.TypeFlags.Null) return { nullable: true };
    if (type.isUnion()) return this.unionOf(type.types);
    if (checker.isArrayType(type) || checker.isTupleType(type)) {
      const items = checker.getTypeArguments(type as ts.TypeReference);
      return { type: 'array', items: items.length === 1 ? this.schemaOf(items[0]) : this.unionOf(items) };
    }
    if (type.getSymbol()?.name === 'Date') return { type: 'string', format: 'date-time' };
    if (type.isIntersection()) return { allOf: type.types.map((t) => this.schemaOf(t)) };
    const name = this.componentName(type);
    if (!name) return this.objectOf(type);
    if (!this.components[name] && !this.building.has(name)) {
      this.building.add(name);
      this.components[name] = this.objectOf(type);
      this.building.delete(name);
    }
    return { $ref: `#/components/schemas/${name}` };
  }

  private unionOf(types: readonly ts.Type[]): Schema {
    const present = types.filter((t) => !(t.flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Void)));
    const nullable = present.some((t) => t.flags & ts.TypeFlags.Null);
    const members = present.filter((t) => !(t.flags & ts.TypeFlags.Null));
    const nullability = nullable ? { nullable: true } : {};
    // `true | false` is how the checker spells boolean inside a union
    const booleans = members.filter((t) => t.flags & ts.TypeFlags.BooleanLiteral);
    const rest = booleans.length === 2 ? members.filter((t) => !booleans.includes(t)) : members;
    const schemas = [...(booleans.length === 2 ? [{ type: 'boolean' }] : []), ...rest.map((t) => this.schemaOf(t))];
    if (schemas.length === 1) return { ...schemas[0], ...nullability };
    if (schemas.every((s) => Array.isArray(s.enum) && s.type === schemas[0].type)) {
      return { type: schemas[0].type, enum: schemas.flatMap((s) => s.enum as unknown[]), ...nullability };
    }
    return { anyOf: schemas, ...nullability };
  }

  private objectOf(type: ts.Type): Schema {
    const { checker } = this;
    const properties: Record<string, Schema> = {};
    const required: string[] = [];
    for (const property of checker.getPropertiesOfType(type)) {
      const declaration = property.valueDeclaration ?? property.declarations?.[0];
      if (!declaration || (ts.isMethodDeclaration(declaration) || ts.isMethodSignature(declaration))) continue;
      const propertyType = checker.getTypeOfSymbolAtLocation(property, declaration);
      const schema = this.schemaOf(propertyType);
      const description = this.documentationOf(property);
      properties[property.name] = description && !('$ref' in schema) ? { ...schema, description } : schema;
      // `x: T | undefined` is left out of the JSON like `x?: T`
      const optional = (property.flags & ts.SymbolFlags.Optional) !== 0
        || (propertyType.isUnion() && propertyType.types.some((t) => t.flags & ts.TypeFlags.Undefined));
      if (!optional) required.push(property.name);
    }
    const index = checker.getIndexInfosOfType(type)[0];
    const schema: Schema = { type: 'object', properties, additionalProperties: index ? this.schemaOf(index.type) : false };
    if (required.length > 0) schema.required = required;
    const description = this.documentation(type);
    if (description) schema.description = description;
    return schema;
  }

  /** A named interface, class or alias (not a generic instance, not an object literal type). */
  private componentName(type: ts.Type): string | undefined {
    if (type.aliasSymbol && !type.aliasTypeArguments?.length) return type.aliasSymbol.name;
    const symbol = type.getSymbol();
    if (!symbol || !(symbol.flags & (ts.SymbolFlags.Interface | ts.SymbolFlags.Class))) return undefined;
    if ((type as ts.TypeReference).typeArguments?.length) return undefined;
    return symbol.name;
  }

  private documentation(type: ts.Type): string {
    const symbol = type.aliasSymbol ?? type.getSymbol();
    return symbol ? this.documentationOf(symbol) : '';
  }

  /** The doc comment of a declaration of this repository (not TypeScript's lib), without references to the specifications' files. */
  private documentationOf(symbol: ts.Symbol): string {
    const file = symbol.declarations?.[0]?.getSourceFile().fileName ?? '';
    if (file.includes('node_modules') || !file.startsWith(REPO_ROOT)) return '';
    const text = ts.displayPartsToString(symbol.getDocumentationComment(this.checker)).replace(/\s+/g, ' ').trim();
    // a whole "(seed 002 §3)" or a leading "seed 002 §3:" goes; any other mention reads "the specification"
    const plain = text
      .replace(/\s*\(seeds? \d{3}(?: §[\w.]+)?\)/gi, '')
      .replace(/(^|\.\s+)seeds? \d{3}(?: §[\w.]+)?:\s*/gi, '$1')
      .replace(/seeds? \d{3}(?: §[\w.]+)?/gi, 'the specification')
      .trim();
    return plain.charAt(0).toUpperCase() + plain.slice(1);
  }
}

/** The generated module the gateway loads (checked against the code by generated-files.spec.ts). */
export function responseSchemasModule(): string {
  return [
    '// Generated by `npm run generate` from the gateway controllers\' return types (tools/generate/response-schemas.ts): do not edit.',
    '',
    'type Schema = Record<string, unknown>;',
    '',
    '/** By operation id, the schema of its success body; and the named reply types they reference. */',
    `export const RESPONSE_SCHEMAS: { operations: Record<string, Schema | null>; components: Record<string, Schema> } = ${JSON.stringify(responseSchemas(), null, 2)};`,
    '',
  ].join('\n');
}
