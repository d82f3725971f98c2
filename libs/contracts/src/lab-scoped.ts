/** One key for an id within its lab (`<labId>:<id>`): what a batch's lookups across labs are keyed by. */
export const labScopedKey = (labId: number, id: number): string => `${labId}:${id}`;

/** Ids per lab, each once, in the order first seen: every read is lab-scoped, so a batch asks once per lab. */
export function idsByLab(items: { labId: number; id: number }[]): Map<number, number[]> {
  const out = new Map<number, Set<number>>();
  for (const { labId, id } of items) out.set(labId, (out.get(labId) ?? new Set()).add(id));
  return new Map([...out].map(([labId, ids]) => [labId, [...ids]]));
}
