package org.ewb.logic.meta.bias;

/**
 * Index orders by a key, stable (equal keys keep their order, as R's {@code order()}), with a merge
 * sort on primitive arrays: at 10&sup5; studies an {@code Integer[]} sort with a boxed comparator
 * dominated trim and fill, which ranks the studies once per iteration.
 */
final class StableOrder {

  private StableOrder() {}

  /** Indices 0..n-1 ordered by {@code key} ascending (compared as {@code Double.compare}). */
  static int[] of(double[] key) {
    int[] idx = new int[key.length];
    for (int i = 0; i < idx.length; i++) {
      idx[i] = i;
    }
    return by(key, idx);
  }

  /** {@code order} re-sorted stably by {@code key} (of the indices); returns {@code order}. */
  static int[] by(double[] key, int[] order) {
    sort(key, order, new int[order.length], 0, order.length);
    return order;
  }

  private static void sort(double[] key, int[] a, int[] tmp, int from, int to) {
    if (to - from < 2) {
      return;
    }
    int mid = (from + to) >>> 1;
    sort(key, a, tmp, from, mid);
    sort(key, a, tmp, mid, to);
    if (Double.compare(key[a[mid - 1]], key[a[mid]]) <= 0) {
      return; // already in order
    }
    int i = from;
    int j = mid;
    int k = from;
    while (i < mid && j < to) {
      // take from the right only when strictly smaller: stable
      tmp[k++] = Double.compare(key[a[j]], key[a[i]]) < 0 ? a[j++] : a[i++];
    }
    while (i < mid) {
      tmp[k++] = a[i++];
    }
    while (j < to) {
      tmp[k++] = a[j++];
    }
    System.arraycopy(tmp, from, a, from, to - from);
  }
}
