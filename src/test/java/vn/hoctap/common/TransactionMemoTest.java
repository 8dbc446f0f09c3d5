package vn.hoctap.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import vn.hoctap.support.HoctapTest;

/** The memo lives exactly as long as the application's real transaction, and never leaks into another one. */
@HoctapTest
class TransactionMemoTest {

  @Autowired PlatformTransactionManager transactions;

  private final AtomicInteger computed = new AtomicInteger();

  private Integer value() {
    return TransactionMemo.get("key", computed::incrementAndGet);
  }

  @Test
  void computedOncePerTransactionAndAgainInTheNext() {
    TransactionTemplate tx = new TransactionTemplate(transactions);
    Integer first = tx.execute(s -> value() + value() * 10);
    Integer second = tx.execute(s -> value());
    assertThat(first).isEqualTo(11);
    assertThat(second).isEqualTo(2);
    assertThat(computed).hasValue(2);
  }

  @Test
  void withoutATransactionNothingIsKept() {
    assertThat(value()).isEqualTo(1);
    assertThat(value()).isEqualTo(2);
    assertThat(TransactionMemo.contains("key")).isFalse();
  }

  @Test
  void aSuspendingTransactionHasItsOwnMemoAndTheOuterOneKeepsItsOwn() {
    TransactionTemplate outer = new TransactionTemplate(transactions);
    TransactionTemplate inner = new TransactionTemplate(transactions);
    inner.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    int[] seen = outer.execute(s -> {
      int a = value();
      int b = inner.execute(t -> value() * 10 + value());
      int c = value();
      return new int[] {a, b, c};
    });
    assertThat(seen).containsExactly(1, 22, 1);
  }

  @Test
  void aRolledBackTransactionLeavesNothingBehind() {
    TransactionTemplate tx = new TransactionTemplate(transactions);
    assertThatThrownBy(() -> tx.executeWithoutResult(s -> {
      TransactionMemo.put("locked", Boolean.TRUE);
      throw new IllegalStateException("rolled back");
    })).hasMessage("rolled back");
    Boolean stillThere = tx.execute(s -> TransactionMemo.contains("locked"));
    assertThat(stillThere).isFalse();
  }

  @Test
  void forgottenValuesAreComputedAgain() {
    TransactionTemplate tx = new TransactionTemplate(transactions);
    Integer again = tx.execute(s -> {
      value();
      TransactionMemo.forget("key");
      return value();
    });
    assertThat(again).isEqualTo(2);
  }
}
