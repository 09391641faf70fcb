package io.github.syndic.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.syndic.minhash.MinHashScheme;
import io.github.syndic.minhash.MinHashSpec;
import io.github.syndic.minhash.Signature;
import io.github.syndic.shingle.ShingleSpec;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.zip.CRC32C;

/**
 * Fuzzes {@link Signature#fromBytes(byte[])}: any byte string either loads or throws {@link
 * IllegalArgumentException}, nothing else; a loaded signature is consistent with its spec and
 * survives a round trip. Raw bytes rarely pass the checksum, so the first input byte picks a
 * mode: odd = raw bytes; even = a valid signature (from a spec chosen by the input) whose bytes
 * are patched by the rest of the input and whose checksum is then recomputed, which takes the
 * fuzzer past the CRC to the header and value checks.
 */
class SignatureFuzzTest {
  @FuzzTest(maxDuration = "10m", maxExecutions = 1_000_000)
  void loadsOrThrowsIllegalArgument(byte[] data) {
    byte[] bytes = data.length == 0 || (data[0] & 1) == 1 ? data : patched(data);
    Signature s;
    try {
      s = Signature.fromBytes(bytes);
    } catch (IllegalArgumentException expected) {
      return;
    }
    if (s.k() != s.spec().k() || s.setSize() < 0) {
      throw new AssertionError("inconsistent signature " + s);
    }
    Signature again = Signature.fromBytes(s.toBytes(), s.spec());
    if (!again.equals(s)) {
      throw new AssertionError("round trip changed " + s);
    }
  }

  private static byte[] patched(byte[] data) {
    int k = 1 + (data.length > 1 ? (data[1] & 0x3F) : 0);
    MinHashScheme scheme = data.length > 2 && (data[2] & 1) == 1
        ? MinHashScheme.CLASSIC_V1 : MinHashScheme.OPH_DENSIFIED_V1;
    ShingleSpec sh = data.length > 3 && (data[3] & 1) == 1
        ? ShingleSpec.chars(1 + (data[3] & 0x1F)) : ShingleSpec.words(1 + (data[3 < data.length ? 3 : 0] & 0x7));
    MinHashSpec spec = MinHashSpec.defaults().withK(k).withScheme(scheme).withShingles(sh)
        .withSeed(data.length > 4 ? data[4] * 0x9E3779B97F4A7C15L : 1);
    // A cheap valid signature: a few shingle hashes taken from the input (no text pipeline, so
    // that the fuzzer spends its time in fromBytes).
    long[] shingles = new long[1 + data.length % 7];
    for (int i = 0; i < shingles.length; i++) {
      shingles[i] = data.length * 0x9E3779B97F4A7C15L + i + (i < data.length ? data[i] : 0);
    }
    byte[] valid = spec.hasher().signShingles(shingles, 0, data.length % 5 == 0 ? 0 : shingles.length)
        .toBytes();
    byte[] out = valid;
    // Patch: pairs (offset, value) from the rest of the input; an offset byte of 0xFF truncates
    // or extends the array instead.
    for (int i = 5; i + 1 < data.length; i += 2) {
      int off = data[i] & 0xFF;
      if (off == 0xFF) {
        out = Arrays.copyOf(out, Math.max(0, out.length + (data[i + 1] % 9)));
      } else if (out.length > 0) {
        out[off % out.length] = data[i + 1];
      }
    }
    if (out.length >= 4) {
      CRC32C crc = new CRC32C();
      crc.update(out, 0, out.length - 4);
      ByteBuffer.wrap(out, out.length - 4, 4).putInt((int) crc.getValue());
    }
    return out;
  }
}
