package io.github.syndic.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.syndic.feed.FeedTimes.EpochUnit;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The time, duration, id and metadata forms every reader of a feed shares. */
class FeedReadingTest {
  private static final Instant T = Instant.parse("2023-11-14T22:13:20Z");

  @Test
  void everyTimeFormNamesTheSameInstant() {
    for (String s : List.of("1700000000", "1700000000000", "2023-11-14T22:13:20Z",
        "2023-11-14T22:13:20", "2023-11-14 22:13:20", "2023-11-15T00:13:20+02:00",
        "2023-11-15T00:13:20+0200", "2023-11-14T23:13:20+01:00[Europe/Paris]",
        "Tue, 14 Nov 2023 22:13:20 GMT", "  1700000000 ")) {
      assertEquals(T, FeedTimes.parse(s, EpochUnit.AUTO), s);
    }
    assertEquals(Instant.parse("2023-11-14T00:00:00Z"), FeedTimes.parse("2023-11-14", EpochUnit.AUTO));
    assertEquals(Instant.parse("2023-11-14T22:13:20.5Z"),
        FeedTimes.parse("1700000000.5", EpochUnit.AUTO));
  }

  @Test
  void theUnitDecidesHowEpochNumbersAreRead() {
    assertEquals(T, FeedTimes.parse("1700000000", EpochUnit.SECONDS));
    assertEquals(Instant.ofEpochMilli(1_700_000_000L),
        FeedTimes.parse("1700000000", EpochUnit.MILLISECONDS));
    // AUTO: below 10^11 seconds, from there milliseconds.
    assertEquals(Instant.ofEpochSecond(99_999_999_999L),
        FeedTimes.epoch(new BigDecimal("99999999999"), EpochUnit.AUTO));
    assertEquals(Instant.ofEpochMilli(100_000_000_000L),
        FeedTimes.epoch(new BigDecimal("100000000000"), EpochUnit.AUTO));
  }

  @Test
  void whatNamesNoTimeIsNull() {
    for (String s : new String[] {null, "", "  ", "yesterday", "99999999999999999999999999",
        "+1000000001-01-01T00:00:00Z", "1e30", "2023-13-45"}) {
      assertNull(FeedTimes.parse(s, EpochUnit.AUTO), s);
    }
    assertNull(FeedTimes.epoch(new BigDecimal("1E660000000"), EpochUnit.AUTO));
  }

  @Test
  void durations() {
    assertEquals(Duration.ofDays(7), FeedTimes.parseDuration("7d"));
    assertEquals(Duration.ofHours(72), FeedTimes.parseDuration(" 72H "));
    assertEquals(Duration.ofMinutes(30), FeedTimes.parseDuration("30m"));
    assertEquals(Duration.ofSeconds(45), FeedTimes.parseDuration("45s"));
    assertEquals(Duration.ofHours(12), FeedTimes.parseDuration("PT12H"));
    assertEquals(Duration.ofDays(2), FeedTimes.parseDuration("P2D"));
    assertEquals(Duration.ofMinutes(90), FeedTimes.parseDuration("pt1h30m"));
    assertNull(FeedTimes.parseDuration("none"));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> FeedTimes.parseDuration("a week"));
    assertTrue(e.getMessage().contains("'a week'"), e.getMessage());
  }

  @Test
  void ids() {
    assertNull(DocIds.problem("https://example.com/a?b=c#d"));
    assertNull(DocIds.problem("\uD83D\uDE00 emoji"));
    assertEquals("empty id", DocIds.problem(""));
    assertTrue(DocIds.problem("a\tb").contains("control character"));
    assertTrue(DocIds.problem("a\uD800b").contains("unpaired surrogate"));
    assertTrue(DocIds.problem("x".repeat(DocIds.MAX_CHARS + 1)).contains("longer than"));
    assertNull(DocIds.problem("x".repeat(DocIds.MAX_CHARS)));
  }

  @Test
  void metaTable() {
    MetaTable m = MetaTable.parse(List.of("source\tDoc_Id\tdate_extracted\tpublished",
        "wire\ta\t2020-01-01\t2021-01-01", "site\tb", "short", "x\ta\t\t"), "m.tsv");
    assertEquals(new MetaTable.Row("x", ""), m.get("a"), "the later row wins");
    assertEquals(new MetaTable.Row("site", null), m.get("b"));
    assertNull(m.get("short"));
    assertEquals(2, m.size());
    MetaTable d = MetaTable.parse(List.of("id\tdate_extracted", "a\t2020-01-01"), "d.tsv");
    assertEquals(new MetaTable.Row(null, "2020-01-01"), d.get("a"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> MetaTable.parse(List.of("name\tsource"), "bad.tsv"));
    assertTrue(e.getMessage().contains("bad.tsv"));
  }
}
