/**
 * The parts of an Apache Arrow `Table`/`Vector` the components read, checked structurally so that
 * tables from any copy of apache-arrow work (no `instanceof`, no runtime import of apache-arrow).
 */
export interface ArrowVectorLike {
  readonly length: number;
  readonly nullCount: number;
  readonly type: unknown;
  isValid(index: number): boolean;
  toArray(): unknown;
}

export interface ArrowTableLike {
  readonly numRows: number;
  readonly schema: { readonly fields: readonly { readonly name: string }[] };
  getChild(name: string): ArrowVectorLike | null;
}

/** True when `value` looks like an Arrow Table (has `numRows`, `schema.fields` and `getChild`). */
export function isArrowTableLike(value: unknown): value is ArrowTableLike {
  const t = value as Partial<ArrowTableLike> | null;
  return (
    typeof t === 'object' && t !== null && typeof t.numRows === 'number' &&
    typeof t.getChild === 'function' && Array.isArray(t.schema?.fields)
  );
}
