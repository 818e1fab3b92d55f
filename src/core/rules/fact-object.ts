/** What rules are evaluated on: fact objects, and tables that read facts without building them. */
import type { SheetLocation } from '../model';
import type { FactValue } from './fact-types';

/** Where a finding about a fact object points. */
export interface Anchor {
  sheet: string | null;
  row: number | null;
  namnd: string | null;
  location: SheetLocation | null;
}

export interface FactObject {
  facts: Record<string, FactValue>;
  anchor: Anchor;
}

/**
 * The items of one scope. The compiled path reads single facts with `read`; the engine path
 * and the findings of items that fired use `object`.
 */
export interface FactTable<T = unknown> {
  items: readonly T[];
  read(name: string): (item: T) => FactValue | undefined;
  object(item: T): FactObject;
  /** A fact as JavaScript over an item `x`, for generated rule loops (codegen.ts); undefined: call `read`. */
  code?(name: string, c: FactCodeContext): FactCode | undefined;
}

/** A fact written as JavaScript for a generated rule loop (codegen.ts). */
export interface FactCode {
  /** An expression over the item `x`. */
  code: string;
  /**
   * Always null or a number other than NaN (a percentage may overflow to Infinity), so
   * json-rules-engine's numeric validator passes exactly when it is not null.
   */
  numeric?: boolean;
}

export interface FactCodeContext {
  /** The name under which a value (a helper function, a key) is passed into the generated code. */
  arg(value: unknown): string;
  /** The local that holds another fact of the same item. */
  fact(name: string): string;
}

/** A table over ready-made fact objects. */
export function objectTable(objects: FactObject[]): FactTable<FactObject> {
  return {
    items: objects,
    read: (name) => (o) => o.facts[name],
    object: (o) => o,
    code: (name, c) => ({ code: `x.facts[${c.arg(name)}]` }),
  };
}
