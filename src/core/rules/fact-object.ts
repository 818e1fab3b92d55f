/** What rules are evaluated on: fact objects, and tables that read facts without building them. */
import type { SheetLocation } from '../model';
import type { FactValue } from './fact-registry';

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
  /** A fact as a JavaScript expression over an item `x`, for generated rule loops (codegen.ts). */
  expression?(name: string, arg: (value: unknown) => string): string | undefined;
}

/** A table over ready-made fact objects. */
export function objectTable(objects: FactObject[]): FactTable<FactObject> {
  return {
    items: objects,
    read: (name) => (o) => o.facts[name],
    object: (o) => o,
    expression: (name, arg) => `x.facts[${arg(name)}]`,
  };
}
