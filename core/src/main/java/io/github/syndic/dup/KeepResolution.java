package io.github.syndic.dup;

import io.github.syndic.doc.Block;
import io.github.syndic.doc.Removal;
import io.github.syndic.doc.RemovalKind;
import it.unimi.dsi.fastutil.doubles.DoubleArrayList;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.ints.IntArrays;
import java.util.ArrayList;
import java.util.List;

/**
 * Which copy stays: the keep policy picks each exact group's representative and orients every
 * judged pair (loser → winner); a block is removed when one of its winners is kept (winners
 * decided first, cycles broken by block order), so every twin stays kept; exact copies of a
 * removed representative follow it to its twin.
 */
final class KeepResolution {
  private KeepResolution() {}

  /**
   * Groups of exact copies ({@code heads}: first block of each group, {@code nextInGroup}: the
   * chain): the policy's pick represents the group, the others are removed with score 1.
   */
  static void exactDuplicates(Detection d, IntArrayList heads, int[] nextInGroup) {
    List<Block> blocks = d.blocks;
    for (int k = 0; k < heads.size(); k++) {
      int h = heads.getInt(k);
      if (nextInGroup[h] < 0) {
        continue;
      }
      int winner = h;
      for (int j = nextInGroup[h]; j >= 0; j = nextInGroup[j]) {
        if (d.policy.compare(blocks.get(j), 1.0, blocks.get(winner), 1.0) < 0) {
          winner = j;
        }
      }
      for (int j = h; j >= 0; j = nextInGroup[j]) {
        d.rep[j] = winner;
        if (j != winner) {
          Block w = blocks.get(winner);
          d.removal[j] =
              new Removal(
                  blocks.get(j),
                  RemovalKind.EXACT_DUPLICATE,
                  1.0,
                  w,
                  List.of(),
                  Reasons.exact(blocks.get(j), w));
        }
      }
    }
  }

  /** Judges the verified pairs, orients them and decides which blocks go. */
  static void pairs(Detection d) {
    int n = d.n;
    Removal[] removal = d.removal;
    int pc = d.pairA.size();
    // edges loser -> winner, kept primitive; the Removal (with its reason) is built only for
    // the edge finally chosen
    IntArrayList eLoser = new IntArrayList();
    IntArrayList eWinner = new IntArrayList();
    DoubleArrayList eScore = new DoubleArrayList();
    List<PairJudge.Verdict> eVerdict = new ArrayList<>();
    IntArrayList ePair = new IntArrayList();
    for (int p = 0; p < pc; p++) {
      int a = d.pairA.getInt(p);
      int b = d.pairB.getInt(p);
      if (removal[a] != null || removal[b] != null) {
        continue;
      }
      PairJudge.Verdict v = PairJudge.judge(d, a, b, d.pairInter.getInt(p));
      if (v == null) {
        continue;
      }
      Edge e = orient(d, a, b, v, false);
      if (e == null) {
        continue;
      }
      eLoser.add(e.loser);
      eWinner.add(e.winner);
      ePair.add(p);
      eScore.add(e.score);
      eVerdict.add(v);
    }
    int ec = eLoser.size();
    // sort edges by loser, then score (best first), then winner
    int[] sortedEdges = new int[ec];
    for (int i = 0; i < ec; i++) {
      sortedEdges[i] = i;
    }
    IntArrays.quickSort(
        sortedEdges,
        (i, j) -> {
          int c = Integer.compare(eLoser.getInt(i), eLoser.getInt(j));
          if (c != 0) {
            return c;
          }
          c = Double.compare(eScore.getDouble(j), eScore.getDouble(i));
          if (c != 0) {
            return c;
          }
          return Integer.compare(eWinner.getInt(i), eWinner.getInt(j));
        });
    int[] edgeStart = new int[n + 1];
    for (int k = 0; k < ec; k++) {
      edgeStart[eLoser.getInt(sortedEdges[k]) + 1]++;
    }
    for (int i = 0; i < n; i++) {
      edgeStart[i + 1] += edgeStart[i];
    }
    // iterative depth-first decision: a block is removed when one of its winners is kept
    byte[] state = new byte[n]; // 0 undecided, 1 visiting, 2 kept, 3 removed
    int[] cursor = new int[n];
    int[] stack = new int[n];
    for (int s = 0; s < n; s++) {
      if (state[s] != 0 || !d.eligible[s] || removal[s] != null) {
        continue;
      }
      int sp = 0;
      stack[sp++] = s;
      state[s] = 1;
      cursor[s] = edgeStart[s];
      while (sp > 0) {
        int u = stack[sp - 1];
        if (cursor[u] < edgeStart[u + 1]) {
          int e = sortedEdges[cursor[u]++];
          int w = eWinner.getInt(e);
          if (state[w] == 0 && removal[w] == null) {
            state[w] = 1;
            cursor[w] = edgeStart[w];
            stack[sp++] = w;
          }
          continue;
        }
        sp--;
        Removal chosen = null;
        for (int k = edgeStart[u]; k < edgeStart[u + 1]; k++) {
          int e = sortedEdges[k];
          if (state[eWinner.getInt(e)] == 2) {
            int p = ePair.getInt(e);
            chosen = orient(d, d.pairA.getInt(p), d.pairB.getInt(p), eVerdict.get(e), true).removal;
            break;
          }
        }
        if (chosen != null) {
          state[u] = 3;
          removal[u] = chosen;
        } else {
          state[u] = 2;
        }
      }
    }
  }

  /** A pair oriented by the keep policy. */
  private static final class Edge {
    int loser;
    int winner;
    double score;
    Removal removal; // only when asked to explain
  }

  /**
   * Orients a judged pair with the policy; null when neither copy may go. With {@code explain},
   * the edge carries the loser's removal.
   */
  private static Edge orient(Detection d, int a, int b, PairJudge.Verdict v, boolean explain) {
    List<Block> blocks = d.blocks;
    int cmp = d.policy.compare(blocks.get(a), v.compA, blocks.get(b), v.compB);
    if (cmp == 0) {
      throw new IllegalStateException(
          "keep policy " + d.policy + " returned 0 for blocks " + a + " and " + b);
    }
    Edge e = new Edge();
    e.winner = cmp < 0 ? a : b;
    e.loser = cmp < 0 ? b : a;
    if (d.pinned[e.loser]) {
      return null;
    }
    RemovalKind kind;
    boolean contained = e.loser == v.smaller;
    if (contained) {
      kind = RemovalKind.CONTAINED;
      e.score = v.containedScore;
    } else if (v.near) {
      kind = RemovalKind.NEAR_DUPLICATE;
      e.score = v.nearScore;
    } else {
      return null; // the policy keeps the smaller copy and the larger is no near duplicate
    }
    if (explain) {
      double compL = e.loser == a ? v.compA : v.compB;
      double compW = e.loser == a ? v.compB : v.compA;
      Block w = blocks.get(e.winner);
      Block l = blocks.get(e.loser);
      String evidence = contained ? Reasons.contained(v, w) : Reasons.near(v, w);
      String reason = evidence + Reasons.policyNote(l, compL, w, compW);
      e.removal = new Removal(l, kind, e.score, w, List.of(), reason);
    }
    return e;
  }

  /** Exact copies of a representative that was removed later follow it to its twin. */
  static void repointExactCopies(Detection d) {
    for (int i = 0; i < d.n; i++) {
      if (!d.eligible[i] || d.rep[i] == i) {
        continue;
      }
      Removal r = d.removal[d.rep[i]];
      if (r == null) {
        continue;
      }
      Block rb = d.blocks.get(d.rep[i]);
      d.removal[i] =
          new Removal(
              d.blocks.get(i),
              r.kind(),
              r.score(),
              r.twin(),
              r.covering(),
              Reasons.exactCopyOfRemoved(rb, r));
    }
  }
}
