/**
 * The first index in [from, to) at which `before` no longer holds, `before` holding on a prefix
 * of the range and failing on the rest (a binary search: a lower or upper bound in sorted data).
 */
export function partitionPoint(from: number, to: number, before: (k: number) => boolean): number {
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (before(mid)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
