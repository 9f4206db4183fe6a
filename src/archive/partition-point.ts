/**
 * Binary search over a sorted list: the first index whose item is not `before` the point sought (the
 * list's length when every item is). `before` must hold for a prefix of the list and fail for the rest.
 */
export function partitionPoint<T>(sorted: readonly T[], before: (item: T) => boolean): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (before(sorted[mid])) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
