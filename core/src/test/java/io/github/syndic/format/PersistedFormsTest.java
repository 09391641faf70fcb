package io.github.syndic.format;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.syndic.boilerplate.TemplateModel;
import io.github.syndic.index.DocumentPreparer;
import io.github.syndic.index.IndexConfig;
import io.github.syndic.index.NearDuplicateIndex;
import io.github.syndic.index.SourceTemplates;
import io.github.syndic.internal.BytesProxy;
import io.github.syndic.minhash.MinHashSpec;
import io.github.syndic.minhash.Signature;
import io.github.syndic.testing.LineLabels;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The persisted forms share one header codec, one checksum and one exception family; golden files
 * pin the template-model v1 and v2 and index-snapshot v1 bytes; Java serialization goes through
 * the checked bytes.
 */
class PersistedFormsTest {
  private static Path golden(String name) {
    return LineLabels.testdata().resolve("golden").resolve(name);
  }

  /** The documents template-model-v1.bin was learned from (min share 0.05, min count 2). */
  private static TemplateModel goldenModel() {
    TemplateModel.Builder b = TemplateModel.builder(0.05, 2);
    b.addDocument("Home | News | Sport\nA story about rain in the city.\nShare this article\n");
    b.addDocument("Home | News | Sport\nThe budget passed on Tuesday 12 May.\nShare this article\n");
    b.addDocument("Home | News | Sport\nوزارة الصحة تفتتح مستشفى جديدا\nShare this article\n");
    return b.build();
  }

  @Test
  void templateModelV1IsStillReadAndV2IsPinned() throws IOException {
    byte[] v1 = Files.readAllBytes(golden("template-model-v1.bin"));
    byte[] v2 = Files.readAllBytes(golden("template-model-v2.bin"));
    assertEquals(1, ByteBuffer.wrap(v1, 8, 4).getInt());
    assertEquals(2, ByteBuffer.wrap(v2, 8, 4).getInt());
    TemplateModel fromV1 = TemplateModel.fromBytes(v1);
    assertEquals(goldenModel(), fromV1);
    assertEquals(2, fromV1.size() - 3, "two template lines, three single ones");
    assertArrayEquals(v2, goldenModel().toBytes(), "v2 bytes changed: a new format version");
    assertEquals(fromV1, TemplateModel.fromBytes(v2));
    // v1 carries a CRC-32, v2 a CRC-32C: a v1 body with a v2 version number is refused.
    byte[] relabelled = v1.clone();
    relabelled[11] = 2;
    assertThrows(FormatException.class, () -> TemplateModel.fromBytes(relabelled));
  }

  @Test
  void indexSnapshotV1Loads() {
    NearDuplicateIndex ix =
        NearDuplicateIndex.load(golden("index-snapshot-v1.bin"), IndexConfig.defaults());
    assertEquals(List.of("old", "other", "paper-1", "paper-2", "wire-1"), ix.ids());
    assertEquals("wire-1", ix.canonicalOf("paper-1"));
    assertEquals("wire-1", ix.canonicalOf("paper-2"));
    assertEquals(ix.clusterOf("wire-1"), ix.clusterOf("paper-2"));
    assertEquals("other", ix.canonicalOf("other"));
    assertNotEquals(ix.clusterOf("old"), ix.clusterOf("wire-1"));
  }

  @Test
  void indexSnapshotV2StoresTheSettingsAndIsPinned(@org.junit.jupiter.api.io.TempDir Path dir)
      throws IOException {
    NearDuplicateIndex v1 =
        NearDuplicateIndex.load(golden("index-snapshot-v1.bin"), IndexConfig.defaults());
    NearDuplicateIndex v2 =
        NearDuplicateIndex.load(golden("index-snapshot-v2.bin"), IndexConfig.defaults());
    assertEquals(v1.ids(), v2.ids());
    for (String id : v1.ids()) {
      assertEquals(v1.canonicalOf(id), v2.canonicalOf(id));
    }
    Path again = dir.resolve("again");
    v1.save(again);
    assertArrayEquals(Files.readAllBytes(golden("index-snapshot-v2.bin")),
        Files.readAllBytes(again), "v2 bytes changed: a new format version");
    // A v1 snapshot stored no settings: any configuration's are taken.
    NearDuplicateIndex.load(golden("index-snapshot-v1.bin"),
        IndexConfig.builder().threshold(0.9).build());
    assertThrows(io.github.syndic.index.SnapshotException.class,
        () -> NearDuplicateIndex.load(golden("index-snapshot-v2.bin"),
            IndexConfig.builder().threshold(0.9).build()));
  }

  @Test
  void signaturesAndSnapshotsStoreTheSpecAlike(@org.junit.jupiter.api.io.TempDir Path dir)
      throws IOException {
    // one spec codec: a signature's spec bytes (after magic + 1-byte version; two reserved bytes
    // between head and tail) are a snapshot's (after magic + 4-byte version), for every spec
    for (MinHashSpec spec : List.of(IndexConfig.defaults().spec(),
        MinHashSpec.defaults().withK(64).withSeed(7))) {
      byte[] sig = spec.hasher().sign("the wire story of the day").toBytes();
      IndexConfig config = IndexConfig.builder().spec(spec).build();
      Path file = dir.resolve("s" + spec.k());
      NearDuplicateIndex.create(config).save(file);
      byte[] snap = Files.readAllBytes(file);
      assertArrayEquals(java.util.Arrays.copyOfRange(sig, 5, 10),
          java.util.Arrays.copyOfRange(snap, 8, 13), "head");
      assertArrayEquals(java.util.Arrays.copyOfRange(sig, 12, 32),
          java.util.Arrays.copyOfRange(snap, 13, 33), "tail");
      assertEquals(spec, NearDuplicateIndex.load(file, config).config().spec());
    }
  }

  @Test
  void everyFormNamesItselfInTheSameWords() {
    byte[] model = goldenModel().toBytes();
    model[0] = 'X';
    FormatException e = assertThrows(FormatException.class, () -> TemplateModel.fromBytes(model));
    assertEquals("not a syndic template model (bad magic)", e.getMessage());
    byte[] future = goldenModel().toBytes();
    future[11] = 9;
    e = assertThrows(FormatException.class, () -> TemplateModel.fromBytes(future));
    assertEquals("template model has format version 9; this library reads 1 to 2", e.getMessage());
    byte[] sig = MinHashSpec.defaults().hasher().sign("a b c d e f").toBytes();
    sig[4] = 7;
    e = assertThrows(FormatException.class, () -> Signature.fromBytes(sig));
    assertEquals("signature has format version 7; this library reads 1", e.getMessage());
    byte[] sig2 = MinHashSpec.defaults().hasher().sign("a b c d e f").toBytes();
    sig2[sig2.length - 10] ^= 1;
    e = assertThrows(FormatException.class, () -> Signature.fromBytes(sig2));
    assertEquals("signature is damaged: checksum mismatch", e.getMessage());
  }

  @Test
  void javaSerializationGoesThroughTheCheckedBytes() throws Exception {
    Signature sig = MinHashSpec.defaults().hasher().sign("the wire story of the day");
    assertEquals(sig, roundTrip(sig));
    TemplateModel model = goldenModel();
    assertEquals(model, roundTrip(model));
    DocumentPreparer prep = new DocumentPreparer(IndexConfig.defaults());
    SourceTemplates t = prep.newTemplates();
    for (int i = 0; i < 5; i++) {
      t.learn("site", prep.lineFingerprints("Menu line\nstory " + i + " text\n"));
    }
    SourceTemplates back = (SourceTemplates) roundTrip(t);
    assertArrayEquals(t.toBytes(), back.toBytes());
    assertTrue(back.isTemplate("site", prep.lineFingerprints("Menu line")[0]));
    // One flipped value byte inside the serialized stream: the checksum refuses it.
    byte[] stream = serialize(sig);
    byte[] payload = sig.toBytes();
    int at = indexOf(stream, payload);
    assertTrue(at > 0);
    stream[at + 50] ^= 1;
    assertThrows(FormatException.class, () -> deserialize(stream));
    // The one proxy's tag picks the reader, and the reader checks the bytes' own magic.
    byte[] mislabelled = serialize(new BytesProxy(BytesProxy.Form.TEMPLATE_MODEL, sig.toBytes()));
    FormatException e = assertThrows(FormatException.class, () -> deserialize(mislabelled));
    assertEquals("not a syndic template model (bad magic)", e.getMessage());
  }

  private static Object roundTrip(Object o) throws Exception {
    return deserialize(serialize(o));
  }

  private static byte[] serialize(Object o) throws IOException {
    ByteArrayOutputStream bos = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bos)) {
      out.writeObject(o);
    }
    return bos.toByteArray();
  }

  private static Object deserialize(byte[] b) throws Exception {
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(b))) {
      return in.readObject();
    }
  }

  private static int indexOf(byte[] hay, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= hay.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (hay[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
