package io.github.syndic.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The id table agrees with a HashMap through puts, removals, slot reuse and growth. */
class IdTableTest {
  @Test
  void findsWhatAHashMapFindsUnderChurn() {
    IdTable t = new IdTable(0);
    Map<String, Integer> want = new HashMap<>();
    String[] slotId = new String[3000];
    Random r = new Random(5);
    for (int step = 0; step < 40_000; step++) {
      int slot = r.nextInt(slotId.length);
      if (slotId[slot] != null) {
        assertEquals(slot, t.find(slotId[slot]));
        t.remove(slot);
        want.remove(slotId[slot]);
        slotId[slot] = null;
      } else {
        // Non-ASCII and shared prefixes; some ids come back after removal.
        String id = "https://example.org/أخبار/" + r.nextInt(5000);
        if (want.containsKey(id)) {
          continue;
        }
        t.ensureSlots(slot + 1);
        t.put(slot, IdTable.utf8(id));
        want.put(id, slot);
        slotId[slot] = id;
      }
      if (step % 500 == 0) {
        for (int s = 0; s < slotId.length; s++) {
          if (slotId[s] != null) {
            assertEquals(s, t.find(slotId[s]));
            assertEquals(slotId[s], t.id(s));
          }
        }
        assertEquals(-1, t.find("https://example.org/absent"));
      }
    }
    for (int i = 0; i < 5000; i++) {
      String id = "https://example.org/أخبار/" + i;
      assertEquals(want.getOrDefault(id, -1).intValue(), t.find(id), id);
    }
  }

  @Test
  void idsWithoutUtf8FormAreRefusedNotMerged() {
    NearDuplicateIndex ix = NearDuplicateIndex.create(IndexConfig.defaults());
    var sig = ix.config().spec().hasher().sign("some text of a document");
    ix.add(PreparedDoc.of("a?", sig, 10, null, null));
    var e = assertThrows(IllegalArgumentException.class,
        () -> ix.add(PreparedDoc.of("a\uD800", sig, 10, null, null)));
    assertTrue(e.getMessage().contains("surrogate"), e.getMessage());
    assertFalse(ix.contains("a\uD800"), "a lone surrogate must not find 'a?'");
    assertFalse(ix.remove("a\uD800"));
    assertTrue(ix.contains("a?"));
    ix.add(PreparedDoc.of("\uD83D\uDE00 paired", sig, 10, null, null)); // a valid pair is fine
    assertTrue(ix.contains("\uD83D\uDE00 paired"));
  }
}
