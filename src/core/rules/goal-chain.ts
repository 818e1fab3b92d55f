/**
 * The goal chain as a graph: each Nivå text's level in the profile's chain (its depth from the top
 * and the level its parent should have), and which goals' parent links run in a circle.
 */
import type { Profile } from './profile-schema';
import { looseKey } from './text';

/** Per profile level: its depth from the top (0 = vision, 1 = fullmäktige's goals, 2 = the nämnd's …). */
export function levelDepths(profile: Profile): Map<string, number> {
  const depths = new Map<string, number>();
  for (const level of profile.goalChain) {
    let depth = 0;
    let cur = level.parent;
    while (cur !== null && depth <= profile.goalChain.length) {
      depth++;
      cur = profile.goalChain.find((l) => l.key === cur)?.parent ?? null;
    }
    depths.set(level.key, depth);
  }
  return depths;
}

/** A Nivå text's place in the profile's goal chain. */
export interface NivaLevel {
  key: string | null;
  depth: number | null;
  /** The level key and name the goal's parent should have. */
  parentKey: string | null;
  parentName: string | null;
}

/** The level of a Nivå text as written, worked out once per distinct text. */
export function nivaLevels(profile: Profile): (niva: string | null) => NivaLevel {
  const keyOf = new Map<string, string>();
  for (const level of profile.goalChain) {
    for (const name of [level.name, ...level.synonyms]) keyOf.set(looseKey(name), level.key);
  }
  const depths = levelDepths(profile);
  const levelOf = (key: string | null) => profile.goalChain.find((l) => l.key === key);
  const levelFor = (key: string | null): NivaLevel => {
    const parentKey = levelOf(key)?.parent ?? null;
    return { key, depth: key === null ? null : (depths.get(key) ?? null), parentKey, parentName: levelOf(parentKey)?.name ?? null };
  };
  const none = levelFor(null);
  const byText = new Map<string, NivaLevel>();
  return (niva) => {
    if (niva === null) return none;
    let level = byText.get(niva);
    if (level === undefined) byText.set(niva, (level = levelFor(keyOf.get(looseKey(niva)) ?? null)));
    return level;
  };
}

/** Which goals' parent chains return to themselves; parent[i] is the index of goal i's parent, -1 for none. */
export function inCycles(parent: Int32Array): Uint8Array {
  const n = parent.length;
  const cyclic = new Uint8Array(n);
  for (let start = 0; start < n; start++) {
    let cur = start;
    for (let steps = 0; steps <= n && cur >= 0; steps++) {
      cur = parent[cur];
      if (cur === start) {
        cyclic[start] = 1;
        break;
      }
    }
  }
  return cyclic;
}
