import { readFile } from 'node:fs/promises';
import { relative } from 'node:path';
import { parse } from 'yaml';

const workspaceRoot = new URL('../../../', import.meta.url);

/** The extension that marks a property schema as personal or secret, as Smithy's `@sensitive` does. */
export const sensitiveExtension = 'x-coverlink-sensitive';

/** The generated shape of one position of a body; the same structure as `BodyShape` in `@coverlink/core`. */
export interface ShapeNode {
  sensitive?: true;
  scalar?: true;
  properties?: Record<string, ShapeNode>;
  map?: true;
  mapKeys?: string[];
  items?: ShapeNode;
}

type Schema = Record<string, unknown>;

const operationMethods = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
const scalarTypes = new Set(['string', 'number', 'integer', 'boolean']);
/** Keys whose values are data, not schemas: a `properties` key inside an example names nothing. */
const dataKeys = new Set(['example', 'examples', 'default', 'const', 'enum']);

function isObject(value: unknown): value is Schema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Follows a local `$ref` (`#/components/...`); the specs have no external ones. */
function resolvePointer(document: Schema, ref: string): Schema {
  if (!ref.startsWith('#/')) throw new Error(`Only local $refs are supported, not ${ref}.`);
  let node: unknown = document;
  for (const part of ref.slice(2).split('/')) {
    const key = part.replaceAll('~1', '/').replaceAll('~0', '~');
    node = isObject(node) ? node[key] : undefined;
  }
  if (!isObject(node)) throw new Error(`${ref} does not resolve to an object.`);
  return node;
}

/** A shape that accepts what either of two alternatives accepts; sensitive wins, so a merge never loosens a mark. */
export function mergeShapes(left: ShapeNode, right: ShapeNode): ShapeNode {
  if (left.sensitive || right.sensitive) return { sensitive: true };
  const merged: ShapeNode = {};
  if (left.scalar || right.scalar) merged.scalar = true;
  if (left.properties !== undefined || right.properties !== undefined) {
    const properties: Record<string, ShapeNode> = { ...left.properties };
    for (const [key, shape] of Object.entries(right.properties ?? {})) {
      const existing = properties[key];
      properties[key] = existing === undefined ? shape : mergeShapes(existing, shape);
    }
    merged.properties = properties;
  }
  if (left.map || right.map) merged.map = true;
  if (left.mapKeys !== undefined || right.mapKeys !== undefined) {
    merged.mapKeys = [...new Set([...(left.mapKeys ?? []), ...(right.mapKeys ?? [])])].sort();
  }
  if (left.items !== undefined && right.items !== undefined) merged.items = mergeShapes(left.items, right.items);
  else if (left.items !== undefined || right.items !== undefined) merged.items = left.items ?? right.items;
  return merged;
}

/**
 * The shape of what a schema accepts, for redaction. Fails closed where the schema does not say:
 * a schema with no type and nothing to infer one from, an array without `items`, or a `$ref`
 * cycle is sensitive.
 */
function shapeOf(document: Schema, schema: unknown, visiting: readonly string[]): ShapeNode {
  if (schema === true || !isObject(schema)) return { sensitive: true };
  if (schema[sensitiveExtension] === true) return { sensitive: true };
  const ref = schema.$ref;
  if (typeof ref === 'string') {
    if (visiting.includes(ref)) return { sensitive: true };
    const target = shapeOf(document, resolvePointer(document, ref), [...visiting, ref]);
    // OpenAPI 3.1 schemas may sit beside a $ref: they narrow it, as an allOf would.
    const { $ref: _ignored, ...siblings } = schema;
    const narrowing = ['type', 'properties', 'items', 'additionalProperties', 'allOf', 'oneOf', 'anyOf'].some((key) => key in siblings);
    return narrowing ? mergeShapes(target, shapeOf(document, siblings, visiting)) : target;
  }

  const types = new Set<string>(Array.isArray(schema.type) ? schema.type : typeof schema.type === 'string' ? [schema.type] : []);
  if (types.size === 0) {
    if (schema.properties !== undefined || schema.additionalProperties !== undefined) types.add('object');
    if (schema.items !== undefined || schema.prefixItems !== undefined) types.add('array');
    const constants = [...(Array.isArray(schema.enum) ? schema.enum : []), ...('const' in schema ? [schema.const] : [])];
    if (constants.some((constant) => typeof constant !== 'object' || constant === null)) types.add('string');
  }
  const compositions = ['allOf', 'oneOf', 'anyOf'].flatMap((key) => (Array.isArray(schema[key]) ? (schema[key] as unknown[]) : []));
  if (types.size === 0 && compositions.length === 0) return { sensitive: true };

  let shape: ShapeNode = {};
  if ([...types].some((type) => scalarTypes.has(type))) shape.scalar = true;
  if (types.has('object')) {
    const properties: Record<string, ShapeNode> = {};
    for (const [key, property] of Object.entries(isObject(schema.properties) ? schema.properties : {})) {
      properties[key] = shapeOf(document, property, visiting);
    }
    shape.properties = properties;
    const additional = schema.additionalProperties;
    if ((additional !== undefined && additional !== false) || schema.patternProperties !== undefined) shape.map = true;
  }
  if (types.has('array')) {
    const tuple = Array.isArray(schema.prefixItems) ? schema.prefixItems : [];
    const itemShapes = [...tuple, ...(schema.items === undefined ? [] : [schema.items])].map((item) => shapeOf(document, item, visiting));
    shape.items = itemShapes.length === 0 ? { sensitive: true } : itemShapes.reduce(mergeShapes);
  }
  for (const alternative of compositions) shape = mergeShapes(shape, shapeOf(document, alternative, visiting));
  return shape;
}

function isJsonMediaType(mediaType: string): boolean {
  return /^application\/([\w.-]+\+)?json(;|$)/i.test(mediaType.trim());
}

/** The merged shape of every JSON error response body (4xx, 5xx, `default`) of every operation. */
export function errorShapeOf(document: Schema): ShapeNode {
  let shape: ShapeNode | undefined;
  for (const pathItem of Object.values(isObject(document.paths) ? document.paths : {})) {
    for (const method of operationMethods) {
      const operation = isObject(pathItem) ? pathItem[method] : undefined;
      if (!isObject(operation) || !isObject(operation.responses)) continue;
      for (const [status, declared] of Object.entries(operation.responses)) {
        if (!/^([45](\d\d|XX)|default)$/.test(status) || !isObject(declared)) continue;
        const response = typeof declared.$ref === 'string' ? resolvePointer(document, declared.$ref) : declared;
        for (const [mediaType, media] of Object.entries(isObject(response.content) ? response.content : {})) {
          // Only JSON is parsed into keys the shape can vouch for; a text or HTML body is free text,
          // so it adds nothing and a string at the top of an error body stays redacted.
          if (!isJsonMediaType(mediaType) || !isObject(media) || media.schema === undefined) continue;
          const bodyShape = shapeOf(document, media.schema, []);
          shape = shape === undefined ? bodyShape : mergeShapes(shape, bodyShape);
        }
      }
    }
  }
  // A spec without error bodies declares nothing: every error body is redacted whole.
  return withMapKeys(shape ?? { sensitive: true }, propertyNamesOf(document));
}

/** The shape with every map restricted to keys naming fields of the spec (a validation error's field names). */
function withMapKeys(shape: ShapeNode, names: string[]): ShapeNode {
  const result: ShapeNode = { ...shape };
  if (shape.map) result.mapKeys = names;
  if (shape.properties !== undefined) {
    result.properties = Object.fromEntries(Object.entries(shape.properties).map(([key, child]) => [key, withMapKeys(child, names)]));
  }
  if (shape.items !== undefined) result.items = withMapKeys(shape.items, names);
  return result;
}

/** Every property name the document marks sensitive, sorted; examples and other data are not walked. */
export function sensitiveFieldsOf(document: unknown): string[] {
  return propertyNamesWhere(document, (property) => property[sensitiveExtension] === true);
}

/** Every property name the document declares, sorted. */
export function propertyNamesOf(document: unknown): string[] {
  return propertyNamesWhere(document, () => true);
}

function propertyNamesWhere(document: unknown, keep: (property: Schema) => boolean): string[] {
  const names = new Set<string>();
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const item of node) walk(item);
      return;
    }
    if (!isObject(node)) return;
    for (const [key, value] of Object.entries(node)) {
      if (dataKeys.has(key) || key.startsWith('x-')) continue;
      if (key === 'properties' && isObject(value)) {
        for (const [name, property] of Object.entries(value)) if (isObject(property) && keep(property)) names.add(name);
      }
      walk(value);
    }
  };
  walk(document);
  return [...names].sort();
}

/** TypeScript source for a shape; refuses a `__proto__` key, which an object literal would turn into a prototype. */
function shapeSource(shape: ShapeNode, indent: string): string {
  if (shape.properties === undefined && shape.items === undefined && shape.mapKeys === undefined) {
    const flags = (['sensitive', 'scalar', 'map'] as const).filter((flag) => shape[flag]).map((flag) => `${flag}: true`);
    return flags.length === 0 ? '{}' : `{ ${flags.join(', ')} }`;
  }
  const inner = `${indent}  `;
  const lines: string[] = [];
  if (shape.sensitive) lines.push(`${inner}sensitive: true,`);
  if (shape.scalar) lines.push(`${inner}scalar: true,`);
  if (shape.properties !== undefined) {
    const entries = Object.entries(shape.properties);
    if (entries.length === 0) lines.push(`${inner}properties: {},`);
    else {
      lines.push(`${inner}properties: {`);
      for (const [key, property] of entries) {
        if (key === '__proto__') throw new Error('A schema declares a `__proto__` property; the generated shape cannot hold it.');
        lines.push(`${inner}  ${JSON.stringify(key)}: ${shapeSource(property, `${inner}  `)},`);
      }
      lines.push(`${inner}},`);
    }
  }
  if (shape.map) lines.push(`${inner}map: true,`);
  if (shape.mapKeys !== undefined) lines.push(`${inner}mapKeys: [${shape.mapKeys.map((key) => JSON.stringify(key)).join(', ')}],`);
  if (shape.items !== undefined) lines.push(`${inner}items: ${shapeSource(shape.items, inner)},`);
  return lines.length === 0 ? '{}' : `{\n${lines.join('\n')}\n${indent}}`;
}

/**
 * The redaction module of one OpenAPI document, exactly as committed in a provider package's
 * `src/generated/<provider>-redaction.ts`: the property names marked `x-coverlink-sensitive` and
 * the shape of its error bodies, which `@coverlink/core` keeps on an `ApiError` and nothing else.
 *
 * @param specPath Absolute path of the OpenAPI document.
 * @param projectName The Nx project whose `codegen` target regenerates the file.
 */
export async function generateRedaction(specPath: string, projectName: string): Promise<string> {
  const document: unknown = parse(await readFile(specPath, 'utf8'));
  if (!isObject(document)) throw new Error(`${specPath} is not an OpenAPI document.`);
  const source = relative(workspaceRoot.pathname, specPath);
  const fields = sensitiveFieldsOf(document);
  return [
    '/**',
    ` * Generated from ${source} by @coverlink/codegen. Do not edit by hand: mark properties with`,
    ` * \`${sensitiveExtension}: true\` in the spec and run \`pnpm nx run ${projectName}:codegen\`.`,
    ' */',
    "import type { BodyShape } from '@coverlink/core';",
    '',
    `/** The property names ${source} marks \`${sensitiveExtension}: true\`, in requests and responses alike. */`,
    'export const sensitiveFields: readonly string[] = [',
    ...fields.map((name) => `  ${JSON.stringify(name)},`),
    '];',
    '',
    '/**',
    ` * What the error bodies (4xx, 5xx and default responses) of ${source} declare, merged over`,
    ' * every operation: an error keeps only these keys, with sensitive ones redacted.',
    ' */',
    `export const errorShape: BodyShape = ${shapeSource(errorShapeOf(document), '')};`,
    '',
  ].join('\n');
}
