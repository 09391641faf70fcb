package io.github.syndic.dup;

import io.github.syndic.doc.Block;

/** The built-in keep policies. Stateless and thread-safe. */
enum StandardPolicies implements KeepPolicy {
  COMPLETE_THEN_FIRST {
    @Override
    public int compare(Block a, double ac, Block b, double bc) {
      if (Math.abs(ac - bc) > COMPLETENESS_MARGIN) {
        return ac > bc ? -1 : 1;
      }
      return Integer.compare(a.index(), b.index());
    }
  },
  FIRST {
    @Override
    public int compare(Block a, double ac, Block b, double bc) {
      return Integer.compare(a.index(), b.index());
    }
  },
  LONGEST {
    @Override
    public int compare(Block a, double ac, Block b, double bc) {
      int c = Integer.compare(b.text().length(), a.text().length());
      return c != 0 ? c : Integer.compare(a.index(), b.index());
    }
  }
}
