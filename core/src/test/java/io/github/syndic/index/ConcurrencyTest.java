package io.github.syndic.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Several threads add and query at once: nothing is lost and clusters equal a 1-thread run. */
class ConcurrencyTest {
  private static final Instant T0 = Instant.parse("2024-05-01T08:00:00Z");

  @Test
  void concurrentAddsAndQueriesMatchSingleThreadedRun() throws Exception {
    List<Doc> docs = new ArrayList<>();
    for (int s = 0; s < 150; s++) {
      String story = TestTexts.story(900 + s, 4, 30);
      for (int c = 0; c < 1 + s % 3; c++) {
        docs.add(new Doc("s" + s + "c" + c, c == 0 ? story : TestTexts.edit(story, s * 7 + c, 30),
            T0.plusSeconds(s), "site" + c));
      }
    }
    IndexConfig cfg = IndexConfig.builder().sourceTemplates(false).build();
    NearDuplicateIndex single = NearDuplicateIndex.create(cfg);
    for (Doc d : docs) {
      single.add(d);
    }
    NearDuplicateIndex shared = NearDuplicateIndex.create(cfg);
    int threads = 4;
    AtomicInteger next = new AtomicInteger();
    ConcurrentLinkedQueue<Throwable> errors = new ConcurrentLinkedQueue<>();
    CountDownLatch start = new CountDownLatch(1);
    List<Thread> ts = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int me = t;
      Thread th = new Thread(() -> {
        try {
          start.await();
          for (int i = next.getAndIncrement(); i < docs.size(); i = next.getAndIncrement()) {
            shared.add(docs.get(i));
            if (me % 2 == 0) {
              Doc probe = docs.get((i * 31) % docs.size());
              shared.query(probe);
              shared.size();
            }
          }
        } catch (Throwable e) {
          errors.add(e);
        }
      });
      ts.add(th);
      th.start();
    }
    start.countDown();
    for (Thread th : ts) {
      th.join();
    }
    assertTrue(errors.isEmpty(), "errors: " + errors);
    assertEquals(docs.size(), shared.size(), "no document lost");
    assertEquals(single.ids(), shared.ids());
    assertEquals(partition(single, docs), partition(shared, docs));
  }

  /** The clusters as sets of ids (cluster ids themselves depend on arrival order). */
  private static TreeSet<String> partition(NearDuplicateIndex ix, List<Doc> docs) {
    Map<Long, TreeSet<String>> m = new HashMap<>();
    for (Doc d : docs) {
      m.computeIfAbsent(ix.clusterOf(d.id()), k -> new TreeSet<>()).add(d.id());
    }
    TreeSet<String> out = new TreeSet<>();
    for (TreeSet<String> c : m.values()) {
      out.add(String.join(",", c));
    }
    return out;
  }
}
