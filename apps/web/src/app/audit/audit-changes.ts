/** One changed field of an audit entry, as text: what it was, and what it became. */
export interface FieldChange {
  field: string;
  before: string | null;
  after: string | null;
}

function text(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** Every field that appears before or after, in the order it first appears. */
export function fieldChanges(before: Record<string, unknown> | null, after: Record<string, unknown> | null): FieldChange[] {
  const fields = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])];
  return fields.map((field) => ({ field, before: text(before?.[field]), after: text(after?.[field]) }));
}
