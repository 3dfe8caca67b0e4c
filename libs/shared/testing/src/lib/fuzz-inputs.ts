import fc, { type Arbitrary } from 'fast-check';

/*
 * Hostile inputs generated from an OpenAPI document: for each operation, a
 * body shaped by its request schema (valid, nearly valid with one field
 * broken, or not an object at all), hostile path ids and query values, and
 * now and then a body that is not JSON in UTF-8 at all.
 */

export interface Schema {
  $ref?: string;
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  nullable?: boolean;
  example?: unknown;
  allOf?: Schema[];
  oneOf?: Schema[];
  anyOf?: Schema[];
}

export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: Schema;
}

export interface Operation {
  method: string;
  /** OpenAPI path, e.g. /api/projects/{id} */
  path: string;
  parameters: Parameter[];
  body: Schema | null;
  /** Needs no token (no security requirement in the document). */
  public: boolean;
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, { parameters?: (Parameter | { $ref: string })[]; requestBody?: unknown; security?: unknown[] }>>;
  components?: { schemas?: Record<string, Schema> };
  security?: unknown[];
}

const METHODS = ['get', 'put', 'post', 'patch', 'delete'];

/** Every operation of the document, with its request schema resolved. */
export function operationsOf(document: OpenApiDocument): Operation[] {
  const operations: Operation[] = [];
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of METHODS) {
      const operation = item[method];
      if (!operation) continue;
      const content = (operation.requestBody as { content?: Record<string, { schema?: Schema }> } | undefined)?.content;
      const schema = content?.['application/json']?.schema ?? null;
      operations.push({
        method: method.toUpperCase(),
        path,
        parameters: (operation.parameters ?? []).filter((p): p is Parameter => 'in' in p),
        body: operation.requestBody ? (schema ?? {}) : null,
        public: !(operation.security ?? document.security ?? []).length,
      });
    }
  }
  return operations;
}

/** Strings that have broken things elsewhere: control and invisible characters, broken Unicode, injections, lookalikes. */
export const ODD_STRINGS = [
  '',
  ' ',
  '\t\r\n',
  '\u0000',
  'a\u0000b',
  '\ud800',
  'a\udc00b',
  '\ud83d\ud83d',
  '😀'.repeat(70),
  '\u202egnp.exe',
  '\u200b\u200c\u200d\ufeff',
  'e\u0301\u0301\u0301\u0301',
  'æøå ÆØÅ',
  '﷽'.repeat(20),
  'Z̷̨̛a̶l̵g̷o̵',
  '２０２６-11-26',
  '2026-02-30',
  '2026-W48-4',
  '0000-01-01',
  "' OR 1=1 --",
  '"; DROP TABLE projects; --',
  '%00',
  '%',
  '_',
  '\\',
  '../../etc/passwd',
  '<script>alert(1)</script>',
  '${7*7}{{7*7}}',
  '__proto__',
  'constructor',
  'NaN',
  'Infinity',
  '-0',
  '1e309',
  'null',
  '9'.repeat(400),
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  'FFFFFFFF-FFFF-4FFF-8FFF-FFFFFFFFFFFF',
  '=cmd|/c calc!A1',
];

const oddString: Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...ODD_STRINGS) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.nat({ max: 70_000 }).map((n) => 'x'.repeat(n)) },
);

/** Percent-encodes like encodeURIComponent, but encodes half a surrogate pair as a broken client would (%ED%A0%80) instead of throwing. */
export function encode(text: string): string {
  let out = '';
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    if (cp >= 0xd800 && cp <= 0xdfff) {
      out += [0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f)].map((b) => `%${b.toString(16).toUpperCase()}`).join('');
    } else out += encodeURIComponent(ch);
  }
  return out;
}

/**
 * The kind of thing a field or a path segment names, as the keys of the ids
 * given to Inputs: partnershipId, /partnerships/{id} → partnership;
 * memberIds, participantIds, toOrganizationId → organization;
 * /focus-areas/{id} → focusArea; /log-entries/{id} → logEntry.
 */
export function kindOf(name: string): string {
  const camel = name.replace(/-(\w)/g, (_, c: string) => c.toUpperCase());
  const bare = camel.replace(/Ids?$/, '').replace(/^(from|to)(?=[A-Z])/, '');
  if (bare === 'member' || bare === 'participant') return 'organization';
  const singular = bare.replace(/ies$/, 'y').replace(/s$/, '');
  return singular.charAt(0).toLowerCase() + singular.slice(1);
}

const uuids = (n: number) => Array.from({ length: n }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`);

const nested = (depth: number, leaf: unknown, asArray: boolean): unknown => {
  let value = leaf;
  for (let i = 0; i < depth; i++) value = asArray ? [value] : { a: value };
  return value;
};

/** Values that are wrong in kind or size for almost any field. */
const anyHostile: Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(null, true, false, 0, -1, -0, 1.5, 2 ** 31, 2 ** 53 + 2, -(2 ** 63), 1e308, -1e308, 5e-324, [], {}, [null], { '': '' }),
  oddString,
  fc.jsonValue({ maxDepth: 3 }),
  fc.integer({ min: 2, max: 60 }).map((d) => nested(d, 'x', true)),
  fc.integer({ min: 2, max: 60 }).map((d) => nested(d, 1, false)),
  fc.nat({ max: 3_000 }).map(uuids),
);

export class Inputs {
  private readonly allIds: string[];

  constructor(
    private readonly schemas: Record<string, Schema>,
    /** Ids of things that exist, by kind (see kindOf), so that some requests get past the 404. */
    private readonly idsByKind: Record<string, string[]>,
  ) {
    this.allIds = Object.values(idsByKind).flat();
  }

  /** Ids of the kind a field or path segment names, or of anything when there are none of that kind. */
  private ids(name: string | undefined): string[] {
    const ids = name === undefined ? undefined : this.idsByKind[kindOf(name)];
    return ids && ids.length > 0 ? ids : this.allIds;
  }

  private resolve(schema: Schema): Schema {
    let s = schema;
    for (let i = 0; s.$ref && i < 10; i++) s = this.schemas[s.$ref.split('/').pop() ?? ''] ?? {};
    if (s.allOf?.length) return this.resolve(s.allOf.reduce<Schema>((all, part) => ({ ...all, ...this.resolve(part) }), {}));
    if (s.oneOf?.[0] ?? s.anyOf?.[0]) return this.resolve((s.oneOf?.[0] ?? s.anyOf?.[0]) as Schema);
    return s;
  }

  private typeOf(schema: Schema): string | undefined {
    if (schema.enum) return 'enum';
    if (Array.isArray(schema.type)) return schema.type.find((t) => t !== 'null');
    if (schema.type) return schema.type;
    if (schema.properties) return 'object';
    return undefined;
  }

  /** A value the schema allows: now and then its documented example, which passes rules a schema cannot say (a real date). */
  valid(raw: Schema, depth = 0, name?: string): Arbitrary<unknown> {
    const schema = this.resolve(raw);
    const generated = this.generated(schema, depth, name);
    const isId = schema.format === 'uuid' || /Ids?$/.test(name ?? '');
    return schema.example !== undefined && !isId ? fc.oneof(fc.constant(schema.example), generated) : generated;
  }

  private generated(schema: Schema, depth: number, name?: string): Arbitrary<unknown> {
    switch (this.typeOf(schema)) {
      case 'enum':
        return fc.constantFrom(...(schema.enum as unknown[]));
      case 'string':
        return this.validString(schema, name);
      case 'integer':
        return fc.integer({ min: schema.minimum ?? -1_000, max: schema.maximum ?? 1_000 });
      case 'number':
        return fc.double({ noNaN: true, noDefaultInfinity: true, min: schema.minimum ?? -1e6, max: schema.maximum ?? 1e6 });
      case 'boolean':
        return fc.boolean();
      case 'array':
        // A list of ids: distinct, of the kind its name says, at least one.
        if (/Ids$/.test(name ?? '')) return fc.uniqueArray(fc.constantFrom(...this.ids(name)), { minLength: 1, maxLength: 3 });
        return depth > 4
          ? fc.constant([])
          : fc.array(this.valid(schema.items ?? {}, depth + 1, name), {
              minLength: schema.minItems ?? 0,
              maxLength: Math.max(schema.minItems ?? 0, Math.min(schema.maxItems ?? 4, 4)),
            });
      case 'object': {
        if (depth > 4) return fc.constant({});
        const properties = schema.properties ?? {};
        const shape = Object.fromEntries(Object.entries(properties).map(([k, v]) => [k, this.valid(v, depth + 1, k)]));
        return fc.record(shape, { requiredKeys: (schema.required ?? []).filter((k) => k in properties) });
      }
      default:
        return fc.jsonValue({ maxDepth: 2 });
    }
  }

  private validString(schema: Schema, name?: string): Arbitrary<string> {
    if (schema.format === 'uuid' || /Ids?$/.test(name ?? '')) {
      return fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...this.ids(name)) }, { weight: 1, arbitrary: fc.uuid() });
    }
    if (schema.format === 'date')
      return fc
        .date({ min: new Date('1900-01-01'), max: new Date('2100-12-31'), noInvalidDate: true })
        .map((d) => d.toISOString().slice(0, 10));
    if (schema.format === 'date-time') return fc.date({ noInvalidDate: true }).map((d) => d.toISOString());
    if (schema.format === 'email') return fc.emailAddress();
    const minLength = Math.max(schema.minLength ?? 1, 1);
    const maxLength = Math.max(minLength, Math.min(schema.maxLength ?? 60, 60));
    return fc.oneof(fc.string({ minLength, maxLength }), fc.string({ unit: 'grapheme', minLength, maxLength }));
  }

  /** A value the schema refuses, or one at its very edge. */
  hostile(raw: Schema): Arbitrary<unknown> {
    const schema = this.resolve(raw);
    const edges: unknown[] = [];
    if (schema.maxLength !== undefined)
      edges.push('é'.repeat(schema.maxLength), 'é'.repeat(schema.maxLength + 1), '😀'.repeat(schema.maxLength));
    if (schema.minLength !== undefined && schema.minLength > 0) edges.push('x'.repeat(schema.minLength - 1));
    if (schema.maximum !== undefined) edges.push(schema.maximum, schema.maximum + 1, schema.maximum + 0.5);
    if (schema.minimum !== undefined) edges.push(schema.minimum, schema.minimum - 1);
    if (schema.maxItems !== undefined) edges.push(uuids(schema.maxItems + 1));
    if (schema.enum) edges.push(String(schema.enum[0]).toUpperCase(), ` ${String(schema.enum[0])}`, schema.enum);
    return edges.length > 0
      ? fc.oneof({ weight: 1, arbitrary: fc.constantFrom(...edges) }, { weight: 3, arbitrary: anyHostile })
      : anyHostile;
  }

  /** A body for the operation: valid, valid but for one or two broken fields, or not an object at all. */
  body(raw: Schema): Arbitrary<unknown> {
    const schema = this.resolve(raw);
    const properties = Object.keys(schema.properties ?? {});
    const broken =
      properties.length === 0
        ? anyHostile
        : fc
            .tuple(
              this.valid(schema),
              fc.array(fc.tuple(fc.constantFrom(...properties), fc.constantFrom('hostile', 'missing', 'null'), fc.nat()), {
                minLength: 1,
                maxLength: 2,
              }),
              fc.option(fc.tuple(oddString, fc.jsonValue({ maxDepth: 1 })), { freq: 4 }),
            )
            .chain(([base, changes, extra]) => {
              const body = { ...(base as Record<string, unknown>) };
              const hostile = changes.map(([key, how]) =>
                how === 'hostile' ? this.hostile(schema.properties?.[key] ?? {}) : fc.constant(undefined),
              );
              return fc.tuple(...hostile).map((values) => {
                changes.forEach(([key, how], i) => {
                  if (how === 'missing') delete body[key];
                  else if (how === 'null') body[key] = null;
                  else body[key] = values[i];
                });
                if (extra) body[extra[0] || 'extra'] = extra[1];
                return body;
              });
            });
    return fc.oneof({ weight: 2, arbitrary: this.valid(schema) }, { weight: 5, arbitrary: broken }, { weight: 1, arbitrary: anyHostile });
  }

  /** A path parameter after `segment` (/projects/{id}): an id of such a thing, of another, a random one, or no id at all. */
  pathValue(segment?: string): Arbitrary<string> {
    return fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom(...this.ids(segment)) },
      { weight: 1, arbitrary: fc.constantFrom(...this.allIds) },
      { weight: 1, arbitrary: fc.uuid() },
      { weight: 2, arbitrary: oddString.map((s) => (s === '' ? '%20' : encode(s).slice(0, 3_000))) },
      { weight: 1, arbitrary: fc.constantFrom('%FF', '%E0%A4%A', '%ED%A0%80', '..', '%2e%2e%2f', 'a'.repeat(150), '%00', '0', '-1') },
    );
  }

  /** Query parameters: the documented ones valid, hostile or left out, sometimes repeated, sometimes unknown ones. */
  query(parameters: Parameter[]): Arbitrary<string> {
    const documented = parameters.filter((p) => p.in === 'query');
    const one = (p: Parameter) =>
      fc.oneof(
        fc.constant(null),
        this.valid(p.schema ?? {}).map((v) => [`${encode(p.name)}=${encode(String(v))}`]),
        this.hostile(p.schema ?? {}).map((v) => [`${encode(p.name)}=${encode(typeof v === 'string' ? v : (JSON.stringify(v) ?? ''))}`]),
        fc.array(this.valid(p.schema ?? {}), { minLength: 2, maxLength: 3 }).map((vs) => vs.map((v) => `${p.name}=${encode(String(v))}`)),
      );
    return fc
      .tuple(
        fc.tuple(...documented.map(one)),
        fc.option(fc.tuple(oddString, oddString), { freq: 4 }),
        fc.option(
          fc.constantFrom(
            'limit=-1',
            'limit=1e3',
            'limit=999999999999',
            'cursor=%FF',
            'cursor=WyJ4Il0',
            'offset=1.5',
            'q=%',
            '%zz=1',
            'a[b]=1',
            'a[__proto__][x]=1',
          ),
          { freq: 4 },
        ),
      )
      .map(([values, unknown, raw]) => {
        const parts = values.flatMap((v) => v ?? []);
        if (unknown) parts.push(`${encode(unknown[0] || 'x')}=${encode(unknown[1])}`);
        if (raw) parts.push(raw);
        return parts.length > 0 ? `?${parts.join('&').slice(0, 6_000)}` : '';
      });
  }
}

/** A body as it goes on the wire: mostly JSON, now and then another type, broken JSON or bytes that are not UTF-8. */
export function wire(body: Arbitrary<unknown>): Arbitrary<{ contentType: string | null; payload: string | Uint8Array }> {
  return fc.oneof(
    { weight: 12, arbitrary: body.map((b) => ({ contentType: 'application/json', payload: JSON.stringify(b) ?? 'null' })) },
    {
      weight: 1,
      arbitrary: fc.record({
        contentType: fc.constantFrom(
          null,
          'text/plain',
          'application/x-www-form-urlencoded',
          'application/json; charset=utf-16',
          'application/xml',
          'multipart/form-data; boundary=x',
        ),
        payload: fc.string({ maxLength: 200 }),
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        contentType: fc.constant('application/json'),
        payload: fc.oneof(
          fc.constantFrom('', '{', '{"a":}', '[1,]', "{'a':1}", '{"a":1}{"b":2}', 'NaN', '{"__proto__":{"admin":true}}', '{"a":1,"a":2}'),
          fc.uint8Array({ maxLength: 60 }).map((bytes) => new Uint8Array([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, ...bytes, 0xff, 0x22, 0x7d])),
        ),
      }),
    },
  );
}
