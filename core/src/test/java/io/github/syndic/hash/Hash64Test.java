package io.github.syndic.hash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Known-answer tests: the published FNV-1a 64 and SplitMix64 test vectors, and fmix64 checked
 * against an independent arbitrary-precision evaluation of MurmurHash3's definition.
 */
class Hash64Test {
  private static final BigInteger MOD = BigInteger.ONE.shiftLeft(64);

  /** FNV-1a 64 over bytes, written out from the definition. */
  private static long fnv1a(byte[] bytes) {
    BigInteger h = new BigInteger("cbf29ce484222325", 16);
    BigInteger prime = new BigInteger("100000001b3", 16);
    for (byte b : bytes) {
      h = h.xor(BigInteger.valueOf(b & 0xFF)).multiply(prime).mod(MOD);
    }
    return h.longValue();
  }

  /** MurmurHash3 fmix64 in arbitrary precision. */
  private static long fmixReference(long x) {
    BigInteger k = new BigInteger(Long.toUnsignedString(x));
    k = k.xor(k.shiftRight(33));
    k = k.multiply(new BigInteger("ff51afd7ed558ccd", 16)).mod(MOD);
    k = k.xor(k.shiftRight(33));
    k = k.multiply(new BigInteger("c4ceb9fe1a85ec53", 16)).mod(MOD);
    k = k.xor(k.shiftRight(33));
    return k.longValue();
  }

  @Test
  void fnv1aPublishedVectors() {
    // From the FNV reference test suite (Fowler, Noll, Vo).
    assertEquals(0xcbf29ce484222325L, fnv1a(new byte[0]));
    assertEquals(0xaf63dc4c8601ec8cL, fnv1a("a".getBytes(StandardCharsets.US_ASCII)));
    assertEquals(0x85944171f73967e8L, fnv1a("foobar".getBytes(StandardCharsets.US_ASCII)));
  }

  @Test
  void fmix64MatchesItsDefinition() {
    assertEquals(0L, Hash64.fmix64(0L));
    for (long x : new long[] {1, -1, 42, 0x0123456789abcdefL, Long.MIN_VALUE, 0xaf63dc4c8601ec8cL}) {
      assertEquals(fmixReference(x), Hash64.fmix64(x), Long.toHexString(x));
    }
  }

  @Test
  void hashCharsIsFnv1aThenFmix() {
    // For chars below 256, FNV-1a over UTF-16 units equals FNV-1a over the Latin-1 bytes.
    assertEquals(fmixReference(0xcbf29ce484222325L), Hash64.hashChars(""));
    assertEquals(fmixReference(0xaf63dc4c8601ec8cL), Hash64.hashChars("a"));
    assertEquals(fmixReference(0x85944171f73967e8L), Hash64.hashChars("foobar"));
    char[] c = "xfoobarx".toCharArray();
    assertEquals(Hash64.hashChars("foobar"), Hash64.hashChars(c, 1, 7));
    // Arabic: each UTF-16 unit is one FNV step of its full 16-bit value.
    BigInteger h = new BigInteger("cbf29ce484222325", 16);
    for (char ch : "كتب".toCharArray()) {
      h = h.xor(BigInteger.valueOf(ch)).multiply(new BigInteger("100000001b3", 16)).mod(MOD);
    }
    assertEquals(fmixReference(h.longValue()), Hash64.hashChars("كتب"));
    assertNotEquals(Hash64.hashChars("ab"), Hash64.hashChars("ba"));
  }

  @Test
  void splitMix64PublishedSequence() {
    // SplitMix64 (Steele, Lea, Flood) started at state 0: its first two outputs.
    assertEquals(0xe220a8397b1dcdafL, Hash64.splitMix64(0, 0));
    assertEquals(0x6e789e6aa1b965f4L, Hash64.splitMix64(0, 1));
  }
}
