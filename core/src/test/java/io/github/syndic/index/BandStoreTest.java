package io.github.syndic.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.syndic.lsh.LshParams;
import it.unimi.dsi.fastutil.ints.IntOpenHashSet;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The band tables agree with a brute-force scan through inserts, removals and growth. */
class BandStoreTest {
  @Test
  void candidatesMatchBruteForceUnderChurn() {
    int k = 16;
    LshParams p = new LshParams(4, 2);
    BandStore store = new BandStore(k, p, 4);
    Random r = new Random(3);
    int slots = 600;
    boolean[] live = new boolean[slots];
    short[][] vals = new short[slots][k];
    for (int s = 0; s < slots; s++) {
      for (int i = 0; i < k; i++) {
        vals[s][i] = (short) r.nextInt(6); // few values: many equal bands, long runs
      }
    }
    for (int step = 0; step < 5000; step++) {
      int s = r.nextInt(slots);
      if (live[s]) {
        store.unband(s);
        live[s] = false;
      } else {
        store.setValues(s, vals[s]);
        store.band(s);
        live[s] = true;
      }
      if (step % 97 == 0) {
        short[] q = vals[r.nextInt(slots)];
        IntOpenHashSet got = new IntOpenHashSet();
        store.candidates(q, got);
        TreeSet<Integer> want = new TreeSet<>();
        for (int t = 0; t < slots; t++) {
          if (live[t] && sharesBand(vals[t], q, p)) {
            want.add(t);
          }
        }
        assertEquals(want, new TreeSet<>(got), "step " + step);
      }
    }
  }

  @Test
  void bulkBandingFindsWhatSingleBandingFinds() {
    int k = 16;
    LshParams p = new LshParams(4, 2);
    BandStore one = new BandStore(k, p, 4);
    BandStore bulk = new BandStore(k, p, 4);
    Random r = new Random(9);
    int n = 700;
    int[] slots = new int[n];
    for (int s = 0; s < n; s++) {
      short[] v = new short[k];
      for (int i = 0; i < k; i++) {
        v[i] = (short) r.nextInt(5);
      }
      one.setValues(s, v);
      one.band(s);
      bulk.setValues(s, v);
      slots[s] = s;
    }
    bulk.bandAll(slots, n); // grows from 16 entries on the way
    for (int probe = 0; probe < 50; probe++) {
      short[] q = new short[k];
      for (int i = 0; i < k; i++) {
        q[i] = (short) r.nextInt(5);
      }
      IntOpenHashSet a = new IntOpenHashSet();
      IntOpenHashSet b = new IntOpenHashSet();
      one.candidates(q, a);
      bulk.candidates(q, b);
      assertEquals(new TreeSet<>(a), new TreeSet<>(b));
    }
    for (int s = 0; s < n; s += 2) {
      bulk.unband(s); // every entry is where removal looks for it
    }
  }

  private static boolean sharesBand(short[] a, short[] b, LshParams p) {
    for (int band = 0; band < p.bands(); band++) {
      boolean eq = true;
      for (int i = band * p.rows(); i < (band + 1) * p.rows(); i++) {
        eq &= a[i] == b[i];
      }
      if (eq) {
        return true;
      }
    }
    return false;
  }
}
