package io.github.syndic.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.syndic.lsh.LshParams;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class IndexConfigTest {
  @Test
  void builderStartsFromTheDefaultsAndToBuilderKeepsEverySetting() {
    IndexConfig d = IndexConfig.builder().build();
    assertEquals(IndexConfig.defaults().toString(), d.toString());
    IndexConfig c = IndexConfig.builder().threshold(0.9).window(null).preferredSources(List.of("w"))
        .clean(false).sourceTemplates(false).containmentThreshold(0.7).copyMinRatio(0.6).build();
    assertEquals(c.toString(), c.toBuilder().build().toString());
    assertEquals(0.9, c.threshold());
    assertNull(c.window());
    assertEquals(0.7, c.toBuilder().threshold(0.95).build().containmentThreshold());
  }

  @Test
  void bandsFollowTheSpecUnlessSetExplicitly() {
    IndexConfig small = IndexConfig.builder()
        .spec(IndexConfig.defaults().spec().withK(64)).build();
    assertNotEquals(IndexConfig.defaults().lsh(), small.lsh());
    assertTrue(small.lsh().bands() * small.lsh().rows() <= 64);
    IndexConfig fixed = IndexConfig.builder().lsh(new LshParams(8, 4)).build();
    assertEquals(new LshParams(8, 4), fixed.toBuilder().threshold(0.9).build().lsh());
    // a new candidate threshold chooses the bands again
    assertNotEquals(new LshParams(8, 4), fixed.toBuilder().candidateThreshold(0.5).build().lsh());
  }

  @Test
  void badValuesAreNamed() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> IndexConfig.builder().threshold(1.5).build());
    assertTrue(e.getMessage().contains("threshold") && e.getMessage().contains("1.5"), e.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> IndexConfig.builder().window(Duration.ZERO).build());
  }
}
