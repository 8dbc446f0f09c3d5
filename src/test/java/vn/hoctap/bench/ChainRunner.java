package vn.hoctap.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/** Runs chains on a few threads: a warm-up, then the measured chains, timed from the first start to the last end. */
final class ChainRunner {

  record Outcome(int chains, double seconds, double chainsPerSecond, Stats perChain, long retries) {}

  private ChainRunner() {}

  static Outcome run(ChainDriver driver, List<Province.Unit> units, int warmup, int measured, int threads)
      throws Exception {
    if (units.size() < warmup + measured) {
      throw new IllegalArgumentException("need " + (warmup + measured) + " units, have " + units.size());
    }
    phase(driver, units.subList(0, warmup), threads, new long[warmup]);
    long retriesBefore = driver.retries();
    long[] nanos = new long[measured];
    long t0 = System.nanoTime();
    phase(driver, units.subList(warmup, warmup + measured), threads, nanos);
    double seconds = (System.nanoTime() - t0) / 1e9;
    return new Outcome(measured, seconds, measured / seconds, Stats.of(nanos), driver.retries() - retriesBefore);
  }

  /**
   * Two drivers on the same machine at the same time of the run: both warm up, then their measured chains run in
   * alternating blocks (a block of a, a block of b, ...), so that a change of load on the machine during the run
   * falls on both alike and their ratio stays fair. Each side's time is the sum of its blocks.
   */
  static Outcome[] alternate(ChainDriver a, List<Province.Unit> unitsA, int warmupA, int measuredA, ChainDriver b,
      List<Province.Unit> unitsB, int warmupB, int measuredB, int threads, int blocks) throws Exception {
    if (unitsA.size() < warmupA + measuredA || unitsB.size() < warmupB + measuredB) {
      throw new IllegalArgumentException("not enough units for the chains");
    }
    phase(a, unitsA.subList(0, warmupA), threads, new long[warmupA]);
    phase(b, unitsB.subList(0, warmupB), threads, new long[warmupB]);
    Side sa = new Side(a, unitsA.subList(warmupA, warmupA + measuredA));
    Side sb = new Side(b, unitsB.subList(warmupB, warmupB + measuredB));
    for (int k = 0; k < blocks; k++) {
      sa.block(k, blocks, threads);
      sb.block(k, blocks, threads);
    }
    return new Outcome[] {sa.outcome(), sb.outcome()};
  }

  /** One driver's share of {@link #alternate}. */
  private static final class Side {
    final ChainDriver driver;
    final List<Province.Unit> units;
    final long[] nanos;
    final long retriesBefore;
    long total;

    Side(ChainDriver driver, List<Province.Unit> units) {
      this.driver = driver;
      this.units = units;
      this.nanos = new long[units.size()];
      this.retriesBefore = driver.retries();
    }

    void block(int k, int blocks, int threads) throws Exception {
      int from = units.size() * k / blocks;
      int to = units.size() * (k + 1) / blocks;
      long[] part = new long[to - from];
      long t0 = System.nanoTime();
      phase(driver, units.subList(from, to), threads, part);
      total += System.nanoTime() - t0;
      System.arraycopy(part, 0, nanos, from, part.length);
    }

    Outcome outcome() {
      double seconds = total / 1e9;
      return new Outcome(units.size(), seconds, units.size() / seconds, Stats.of(nanos),
          driver.retries() - retriesBefore);
    }
  }

  private static void phase(ChainDriver driver, List<Province.Unit> units, int threads, long[] nanos)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    AtomicInteger next = new AtomicInteger();
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        futures.add(pool.submit(() -> {
          for (int i = next.getAndIncrement(); i < units.size(); i = next.getAndIncrement()) {
            long s = System.nanoTime();
            driver.run(units.get(i));
            nanos[i] = System.nanoTime() - s;
          }
          return null;
        }));
      }
      for (Future<?> f : futures) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
