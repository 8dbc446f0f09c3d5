package vn.hoctap.security;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * The heap used by a call into the application running in this JVM, measured as the bulk-round benchmark does:
 * the largest heap still in use right after each garbage collection during the call (what the call keeps alive),
 * and the peak of the heap pools (garbage included, an upper bound), both after a GC before the call.
 */
final class HeapWatch {

  record Heap(long beforeMb, long liveMaxMb, long peakMb, long gcs, long millis) {
    /** The most the call can have held at once: the peak (garbage included) over the heap in use before. */
    long peakGrowthMb() {
      return peakMb - beforeMb;
    }
  }

  private HeapWatch() {}

  static <T> T watch(Supplier<T> call, List<Heap> out) {
    System.gc();
    long before = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    List<MemoryPoolMXBean> pools = ManagementFactory.getMemoryPoolMXBeans().stream()
        .filter(p -> p.getType() == MemoryType.HEAP).toList();
    pools.forEach(MemoryPoolMXBean::resetPeakUsage);
    Set<String> names = pools.stream().map(MemoryPoolMXBean::getName).collect(Collectors.toSet());
    AtomicLong live = new AtomicLong();
    AtomicLong gcs = new AtomicLong();
    NotificationListener listener = (n, h) -> {
      if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) {
        long after = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData()).getGcInfo()
            .getMemoryUsageAfterGc().entrySet().stream().filter(e -> names.contains(e.getKey()))
            .mapToLong(e -> e.getValue().getUsed()).sum();
        live.accumulateAndGet(after, Math::max);
        gcs.incrementAndGet();
      }
    };
    List<NotificationEmitter> emitters = new ArrayList<>();
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      if (gc instanceof NotificationEmitter e) {
        e.addNotificationListener(listener, null, null);
        emitters.add(e);
      }
    }
    long t0 = System.nanoTime();
    try {
      return call.get();
    } finally {
      long millis = (System.nanoTime() - t0) / 1_000_000;
      for (NotificationEmitter e : emitters) {
        try {
          e.removeNotificationListener(listener);
        } catch (javax.management.ListenerNotFoundException ignored) {
          // not added
        }
      }
      long peak = pools.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
      out.add(new Heap(before >> 20, live.get() >> 20, peak >> 20, gcs.get(), millis));
    }
  }
}
