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
