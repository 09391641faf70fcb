package io.github.syndic.minhash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.github.syndic.shingle.ShingleSpec;
import io.github.syndic.testing.LineLabels;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Known-answer signatures in {@code testdata/golden/signatures-v1.tsv}: for fixed texts
 * (Arabic, English, Russian, mixed, short, empty), each scheme, word 3-grams and char 5-grams,
 * k = 128, default seed, the hex of {@link Signature#toBytes()}.
 *
 * <p>NEVER regenerate this file to make the test pass. A failure means the output of a frozen
 * scheme changed, which breaks every stored signature and index. A changed algorithm needs a new
 * {@link MinHashScheme} constant (new name and id) and, if the bytes change, a new {@link
 * Signature#FORMAT_VERSION}, with its own golden file; the v1 file stays as it is. The file was
 * written once by {@link #main} when the v1 schemes were frozen.
 */
class GoldenSignaturesTest {
  static final String FILE = "golden/signatures-v1.tsv";

  /** The fixed texts (id, text): general sentences written for this test, no tabs or newlines. */
  static final String[][] TEXTS = {
    {"ar", "أعلنت وزارة الصحة اليوم عن افتتاح مستشفى جديد في المدينة، ويضم المستشفى ٢٠٠ سرير وقسماً للطوارئ."},
    {"en", "The city council approved the new budget on Tuesday, adding 200 beds to the main hospital."},
    {"ru", "Городской совет во вторник утвердил новый бюджет и добавил 200 коек в главную больницу."},
    {"mixed", "Ministry of Health وزارة الصحة Минздрав 東京 2025"},
    {"short", "عاجل"},
    {"empty", ""},
  };

  static List<MinHashSpec> specs() {
    List<MinHashSpec> out = new ArrayList<>();
    for (MinHashScheme scheme : MinHashScheme.values()) {
      for (ShingleSpec sh : new ShingleSpec[] {ShingleSpec.words(3), ShingleSpec.chars(5)}) {
        out.add(MinHashSpec.defaults().withScheme(scheme).withShingles(sh));
      }
    }
    return out;
  }

  static List<String> render() {
    List<String> lines = new ArrayList<>();
    lines.add("# scheme\tshingles\tk\tseed\ttext_id\tsignature_hex\ttext");
    for (MinHashSpec spec : specs()) {
      MinHasher h = spec.hasher();
      for (String[] t : TEXTS) {
        lines.add(
            spec.scheme().name() + "\t" + spec.shingles().describe() + "\t" + spec.k() + "\t"
                + Long.toHexString(spec.seed()) + "\t" + t[0] + "\t"
                + HexFormat.of().formatHex(h.sign(t[1]).toBytes()) + "\t" + t[1]);
      }
    }
    return lines;
  }

  @Test
  void signaturesMatchTheGoldenFile() throws IOException {
    Path file = LineLabels.testdata().resolve(FILE);
    List<String> expected = Files.readAllLines(file, StandardCharsets.UTF_8);
    List<String> actual = render();
    assertEquals(expected.size(), actual.size(), "row count of " + file);
    for (int i = 0; i < expected.size(); i++) {
      assertEquals(expected.get(i), actual.get(i), "row " + (i + 1) + " of " + file);
    }
  }

  @Test
  void goldenBytesDecodeToTheSpecTheyName() throws IOException {
    Path file = LineLabels.testdata().resolve(FILE);
    for (String row : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      if (row.startsWith("#")) {
        continue;
      }
      String[] f = row.split("\t", -1);
      MinHashSpec spec =
          MinHashSpec.defaults()
              .withScheme(MinHashScheme.valueOf(f[0]))
              .withShingles(ShingleSpec.parse(f[1]));
      Signature s = Signature.fromBytes(HexFormat.of().parseHex(f[5]), spec);
      assertEquals(f[6].isEmpty(), s.isEmpty(), row);
      if (!s.isEmpty()) {
        assertFalse(s.setSize() == 0, row);
      }
    }
  }

  /** Writes the golden file; run once when a new scheme is frozen, never to fix a failure. */
  public static void main(String[] args) throws IOException {
    Path file = LineLabels.testdata().resolve(FILE);
    if (Files.exists(file)) {
      throw new IllegalStateException(file + " exists; golden files are never regenerated");
    }
    Files.createDirectories(file.getParent());
    Files.write(file, render(), StandardCharsets.UTF_8);
  }
}
