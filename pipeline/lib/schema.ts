import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';

export const SCHEMA_DIR = fileURLToPath(new URL('../../schemas/', import.meta.url));

export interface JsonSchemaProperty {
  type?: string | string[];
  enum?: unknown[];
  items?: JsonSchemaProperty;
  description?: string;
  pattern?: string;
  minimum?: number;
  format?: string;
  /** Long free text, an article or a sentence (see Column.longText). */
  'x-long-text'?: boolean;
}

export interface TableSchema {
  $id: string;
  title: string;
  description: string;
  'x-order': string[];
  required: string[];
  properties: Record<string, JsonSchemaProperty>;
}

export interface Column {
  name: string;
  /** JSON Schema base type (null stripped). */
  type: 'string' | 'integer' | 'number' | 'boolean' | 'array';
  itemType?: 'string' | 'integer' | 'number';
  nullable: boolean;
  description: string;
  /** The values allowed, or for a list the values its items may take. */
  enum?: unknown[];
  /**
   * Long free text (`x-long-text`: an article, a sentence), which dataset.duckdb stores with
   * zstd: DuckDB's own choice for strings (dictionaries, FSST) gains little on prose.
   */
  longText?: boolean;
}

/** The field that identifies a table's records: `id`, else the first required `…_id` field (`doc_id`, `occurrence_id`). */
export function primaryKeyOf(schema: TableSchema): string {
  if (schema.properties.id) return 'id';
  const key = schema.required.find((k) => k.endsWith('_id'));
  if (!key) throw new Error(`schema ${schema.$id}: no id field`);
  return key;
}

/** Every table schema in schemas/, by table name, in name order. */
export function loadTableSchemas(dir = SCHEMA_DIR): Map<string, TableSchema> {
  const out = new Map<string, TableSchema>();
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.schema.json')).sort()) {
    const schema = JSON.parse(readFileSync(join(dir, file), 'utf8')) as TableSchema;
    out.set(schema.title, schema);
  }
  return out;
}

/** Columns in schema order: the CSV header, the Parquet columns and the data dictionary all follow it. */
export function columnsOf(schema: TableSchema): Column[] {
  return Object.entries(schema.properties).map(([name, p]) => {
    const types = Array.isArray(p.type) ? p.type : [p.type ?? 'string'];
    const base = types.find((t) => t !== 'null') as Column['type'];
    return {
      name,
      type: base,
      itemType: base === 'array' ? ((p.items?.type as Column['itemType']) ?? 'string') : undefined,
      nullable: types.includes('null'),
      description: p.description ?? '',
      enum: (base === 'array' ? p.items?.enum : p.enum)?.filter((v) => v !== null),
      longText: p['x-long-text'] === true,
    };
  });
}

const DUCKDB_TYPES = { string: 'VARCHAR', integer: 'BIGINT', number: 'DOUBLE', boolean: 'BOOLEAN' } as const;

export function duckdbType(col: Column): string {
  if (col.type === 'array') return `${DUCKDB_TYPES[col.itemType ?? 'string']}[]`;
  return DUCKDB_TYPES[col.type];
}

/** Frictionless Table Schema field type for a column. */
export function frictionlessType(col: Column): string {
  return col.type === 'array' ? 'array' : col.type;
}

/** One ajv instance, strict, formats on, knowing our `x-order` and `x-long-text` annotations. */
export function createAjv(): Ajv2020 {
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  ajv.addKeyword({ keyword: 'x-order', schemaType: 'array' });
  ajv.addKeyword({ keyword: 'x-long-text', schemaType: 'boolean' });
  const addFormats = (addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule;
  (addFormats as unknown as (a: Ajv2020) => void)(ajv);
  return ajv;
}

export function compileValidators(schemas: Map<string, TableSchema>): Map<string, ValidateFunction> {
  const ajv = createAjv();
  const out = new Map<string, ValidateFunction>();
  for (const [name, schema] of schemas) out.set(name, ajv.compile(schema));
  return out;
}

/** "table <t>, record <id>: field /path: reason" for each ajv error. */
export function describeErrors(table: string, recordId: string, errors: ErrorObject[] | null | undefined): string[] {
  return (errors ?? []).map((e) => {
    const field = e.instancePath || (e.params && 'missingProperty' in e.params ? `/${String(e.params.missingProperty)}` : '/');
    const extra = e.params && 'additionalProperty' in e.params ? ` (${String(e.params.additionalProperty)})` : '';
    return `table ${table}, record ${recordId}: field ${field}: ${e.message ?? e.keyword}${extra}`;
  });
}

/** Compares two records by the table's declared order (`x-order`). */
export function orderComparator(schema: TableSchema): (a: Record<string, unknown>, b: Record<string, unknown>) => number {
  const keys = schema['x-order'];
  return (a, b) => {
    for (const k of keys) {
      const x = a[k];
      const y = b[k];
      if (x === y) continue;
      if (x == null) return -1;
      if (y == null) return 1;
      if (typeof x === 'number' && typeof y === 'number') return x - y;
      return String(x) < String(y) ? -1 : 1;
    }
    return 0;
  };
}
