package vn.hoctap.common;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Values that cannot change while the current database transaction runs, computed once per transaction: one
 * step of a process runs in one engine command, and its listeners ask for the same deadline, or lock the same
 * dossier, several times. The memo belongs to the transaction: it is set aside while another transaction is
 * suspended in front of it and dropped when it ends (commit or rollback). Outside a transaction nothing is kept.
 */
public final class TransactionMemo {

  private TransactionMemo() {}

  /** The value for the key in this transaction, computed by {@code compute} the first time. */
  @SuppressWarnings("unchecked")
  public static <T> T get(Object key, Supplier<T> compute) {
    Map<Object, Object> memo = memo();
    if (memo == null) {
      return compute.get();
    }
    Object value = memo.get(key);
    if (value == null) {
      value = compute.get();
      memo.put(key, value);
    }
    return (T) value;
  }

  /** Whether the key has a value in this transaction. */
  public static boolean contains(Object key) {
    Map<Object, Object> memo = memo();
    return memo != null && memo.containsKey(key);
  }

  /** Remembers a value (e.g. that a row is locked) for the rest of the transaction. */
  public static void put(Object key, Object value) {
    Map<Object, Object> memo = memo();
    if (memo != null) {
      memo.put(key, value);
    }
  }

  /** Forgets a value this transaction has changed. */
  public static void forget(Object key) {
    Map<Object, Object> memo = memo();
    if (memo != null) {
      memo.remove(key);
    }
  }

  /** Forgets every value whose key is of that type (e.g. all deadlines, after a rule changed). */
  public static void forgetAll(Class<?> keyType) {
    Map<Object, Object> memo = memo();
    if (memo != null) {
      memo.keySet().removeIf(keyType::isInstance);
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<Object, Object> memo() {
    if (!TransactionSynchronizationManager.isSynchronizationActive()
        || !TransactionSynchronizationManager.isActualTransactionActive()) {
      return null;
    }
    Map<Object, Object> memo = (Map<Object, Object>) TransactionSynchronizationManager.getResource(Holder.KEY);
    if (memo == null) {
      Holder holder = new Holder(new HashMap<>());
      TransactionSynchronizationManager.bindResource(Holder.KEY, holder.memo);
      TransactionSynchronizationManager.registerSynchronization(holder);
      memo = holder.memo;
    }
    return memo;
  }

  /** Binds the memo to the transaction that created it, across suspension, until it completes. */
  private record Holder(Map<Object, Object> memo) implements TransactionSynchronization {
    static final Object KEY = Holder.class;

    @Override
    public void suspend() {
      TransactionSynchronizationManager.unbindResourceIfPossible(KEY);
    }

    @Override
    public void resume() {
      TransactionSynchronizationManager.bindResource(KEY, memo);
    }

    @Override
    public void afterCompletion(int status) {
      TransactionSynchronizationManager.unbindResourceIfPossible(KEY);
    }
  }
}
