package io.github.syndic.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.syndic.feed.DocIds;
import io.github.syndic.feed.FeedTimes;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * The rules every command applies to a document's id and time: core's {@link DocIds} and {@link
 * FeedTimes} (shared with {@code syndic-spark}), applied to JSON values. Stateless; thread-safe.
 */
final class Records {
  /** Longest id ({@link DocIds#MAX_CHARS}). */
  static final int MAX_ID_CHARS = DocIds.MAX_CHARS;

  /** How epoch numbers are read (the values of {@code --time-unit}). */
  enum TimeUnit {
    /** Seconds below {@link FeedTimes#SECONDS_BELOW} in magnitude, milliseconds above. */
    auto(FeedTimes.EpochUnit.AUTO),
    /** Seconds since 1970. */
    s(FeedTimes.EpochUnit.SECONDS),
    /** Milliseconds since 1970. */
    ms(FeedTimes.EpochUnit.MILLISECONDS);

    final FeedTimes.EpochUnit unit;

    TimeUnit(FeedTimes.EpochUnit unit) {
      this.unit = unit;
    }
  }

  private Records() {}

  /** Why {@code id} cannot be a document id, or null when it can. */
  static String idProblem(String id) {
    return DocIds.problem(id);
  }

  /** The id of a JSON value: a string or an integer; null when it is neither. */
  static String idOf(JsonNode n) {
    if (n == null || n.isNull()) {
      return null;
    }
    if (n.isTextual()) {
      return n.textValue();
    }
    if (n.isIntegralNumber()) {
      return n.asText();
    }
    return null;
  }

  /** The time a JSON value names, or null when it names none that fits an {@link Instant}. */
  static Instant parseTime(JsonNode n, TimeUnit unit) {
    if (n.isNumber()) {
      BigDecimal v;
      try {
        v = n.decimalValue();
      } catch (NumberFormatException | ArithmeticException e) {
        return null; // e.g. an exponent beyond an int (found by JsonLinesFuzzTest)
      }
      return FeedTimes.epoch(v, unit.unit);
    }
    if (n.isTextual()) {
      return parseTime(n.textValue(), unit);
    }
    return null;
  }

  /** The time {@code s} names, or null when it names none (empty, unknown form, out of range). */
  static Instant parseTime(String s, TimeUnit unit) {
    return FeedTimes.parse(s, unit.unit);
  }
}
