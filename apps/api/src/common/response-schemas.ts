import type { OpenAPIObject } from '@nestjs/swagger';
import type { FastifyInstance } from 'fastify';

type Schema = Record<string, unknown>;

const METHODS = ['get', 'put', 'post', 'patch', 'delete'] as const;

/**
 * Response schemas for Fastify's schema-based serializer (fast-json-stringify),
 * taken from the OpenAPI document the contract classes generate: a route whose
 * success answer is fully described (every object lists its properties) is
 * serialised by a compiled function instead of JSON.stringify. A route whose
 * answer is only partly described (an inline type the document cannot spell
 * out) keeps JSON.stringify, so nothing is ever dropped from an answer.
 * Keyed by "GET /api/projects/:id".
 */
export function responseSchemas(document: OpenAPIObject): Map<string, Schema> {
  const components = (document.components?.schemas ?? {}) as Record<string, Schema>;
  const found = new Map<string, Schema>();
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of METHODS) {
      const operation = item[method];
      if (!operation) continue;
      for (const status of ['200', '201']) {
        const response = operation.responses[status] as { content?: Record<string, { schema?: Schema }> } | undefined;
        const schema = response?.content?.['application/json']?.schema;
        if (!schema) continue;
        const resolved = resolve(schema, components, 0);
        if (resolved && complete(resolved)) {
          found.set(`${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')} ${status}`, resolved);
        }
      }
    }
  }
  return found;
}

/** Gives each matching route its response schema as Nest registers it (before the app starts listening). */
export function useResponseSchemas(fastify: FastifyInstance, schemas: Map<string, Schema>): void {
  fastify.addHook('onRoute', (route) => {
    const methods = [route.method].flat();
    const response: Record<string, Schema> = {};
    for (const method of methods) {
      for (const status of ['200', '201']) {
        const schema = schemas.get(`${method} ${route.url} ${status}`);
        if (schema) response[status] = schema;
      }
    }
    if (Object.keys(response).length === 0 || route.schema?.response) return;
    route.schema = { ...route.schema, response };
  });
}

/** The schema with every $ref replaced by its component (the contracts have no cycles; a deep one gives up). */
function resolve(schema: Schema, components: Record<string, Schema>, depth: number): Schema | null {
  if (depth > 20) return null;
  const ref = schema['$ref'];
  if (typeof ref === 'string') {
    const target = components[ref.replace('#/components/schemas/', '')];
    if (!target) return null;
    const { $ref: _ref, ...rest } = schema;
    const inner = resolve(target, components, depth + 1);
    return inner ? { ...inner, ...rest } : null;
  }
  const out: Schema = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === 'example' || key === 'examples' || key === 'description') continue;
    if (key === 'properties' && value && typeof value === 'object') {
      const properties: Record<string, Schema> = {};
      for (const [name, property] of Object.entries(value as Record<string, Schema>)) {
        const resolved = resolve(property, components, depth + 1);
        if (!resolved) return null;
        properties[name] = resolved;
      }
      out[key] = properties;
    } else if ((key === 'items' || key === 'additionalProperties') && value && typeof value === 'object') {
      const resolved = resolve(value as Schema, components, depth + 1);
      if (!resolved) return null;
      out[key] = resolved;
    } else if ((key === 'allOf' || key === 'oneOf' || key === 'anyOf') && Array.isArray(value)) {
      const parts = value.map((part) => resolve(part as Schema, components, depth + 1));
      if (parts.some((p) => p === null)) return null;
      // `allOf: [one schema]` is how a nullable reference is written: the one schema, nullable.
      if (key === 'allOf' && parts.length === 1) Object.assign(out, parts[0]);
      else out[key] = parts;
    } else {
      out[key] = value;
    }
  }
  return out;
}

/** Whether the serializer would write everything: each object lists its properties, each array its items. */
function complete(schema: Schema): boolean {
  if (schema['oneOf'] || schema['anyOf'] || schema['additionalProperties']) return false;
  const type = schema['type'];
  if (type === 'object' || schema['properties']) {
    const properties = schema['properties'] as Record<string, Schema> | undefined;
    return !!properties && Object.keys(properties).length > 0 && Object.values(properties).every(complete);
  }
  if (type === 'array') return !!schema['items'] && complete(schema['items'] as Schema);
  return typeof type === 'string';
}
