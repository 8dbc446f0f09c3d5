package vn.hoctap.citizen;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Identity numbers seen in a round and the file row each came from (0 = already stored in the round), for the
 * duplicate check of an import. Twelve-digit numbers are kept as primitive longs in an open-addressing table
 * (about 24 bytes per person), so a million people cost tens of megabytes, not hundreds.
 */
final class IdentityIndex {

  private long[] keys = new long[1 << 12];
  private int[] rows = new int[1 << 12];
  private int size;
  private final Map<String, Integer> other = new HashMap<>();

  IdentityIndex() {
    Arrays.fill(keys, -1L);
  }

  /** Records the identity at that row; returns the row it was first seen at (0 = in the round), or -1 if new. */
  int putIfAbsent(String identity, int row) {
    if (identity.length() != 12 || !EntryRules.PERSON_ID.matcher(identity).matches()) {
      Integer prev = other.putIfAbsent(identity, row);
      return prev == null ? -1 : prev;
    }
    long key = Long.parseLong(identity);
    if (size * 2 >= keys.length) {
      grow();
    }
    int mask = keys.length - 1;
    int i = Long.hashCode(key * 0x9E3779B97F4A7C15L) & mask;
    while (keys[i] != -1L) {
      if (keys[i] == key) {
        return rows[i];
      }
      i = (i + 1) & mask;
    }
    keys[i] = key;
    rows[i] = row;
    size++;
    return -1;
  }

  private void grow() {
    long[] oldKeys = keys;
    int[] oldRows = rows;
    keys = new long[oldKeys.length * 2];
    rows = new int[oldKeys.length * 2];
    Arrays.fill(keys, -1L);
    size = 0;
    int mask = keys.length - 1;
    for (int j = 0; j < oldKeys.length; j++) {
      if (oldKeys[j] != -1L) {
        int i = Long.hashCode(oldKeys[j] * 0x9E3779B97F4A7C15L) & mask;
        while (keys[i] != -1L) {
          i = (i + 1) & mask;
        }
        keys[i] = oldKeys[j];
        rows[i] = oldRows[j];
        size++;
      }
    }
  }
}
