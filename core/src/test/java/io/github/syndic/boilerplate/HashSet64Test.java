package io.github.syndic.boilerplate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.syndic.hash.Hash64;
import it.unimi.dsi.fastutil.longs.LongOpenHashSet;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@link HashSet64} answers as the set it was built from, for members and non-members. */
class HashSet64Test {
  @Test
  void answersAsTheSetItWasBuiltFrom() {
    SplittableRandom r = new SplittableRandom(14);
    for (int size : new int[] {0, 1, 7, 8, 9, 100, 5000}) {
      LongOpenHashSet members = new LongOpenHashSet();
      while (members.size() < size) {
        // mixed hashes, plus values whose top bits collide (same slot) and 0 itself
        long h = r.nextInt(4) == 0 ? r.nextLong() & 0xFFL : Hash64.fmix64(r.nextLong());
        members.add(members.size() == 3 ? 0 : h);
      }
      HashSet64 set = HashSet64.of(members);
      for (long h : members) {
        assertEquals(true, set.contains(h), "member " + h + " of " + size);
      }
      for (int i = 0; i < 20_000; i++) {
        long h = i % 2 == 0 ? Hash64.fmix64(r.nextLong()) : r.nextLong() & 0x1FFL;
        assertEquals(members.contains(h), set.contains(h), "value " + h + " of " + size);
      }
    }
  }
}
