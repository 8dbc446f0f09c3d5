package vn.hoctap.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.hoctap.org.OrgUnitRepository;
import vn.hoctap.org.UnitKind;
import vn.hoctap.recognition.RecognitionService;
import vn.hoctap.support.Fixtures;
import vn.hoctap.support.HoctapTest;

/**
 * The first decisions of a signer's year signed at the same moment (two reviewers, or two nodes): the counter row
 * does not exist yet, several transactions try to insert it. Found by scripts/reliability/two-nodes.sh on
 * PostgreSQL, where the losing insert used to abort its transaction and the signature failed.
 */
@HoctapTest
class DecisionNumberRaceTest {

  @Autowired RecognitionService recognitions;
  @Autowired Fixtures fx;
  @Autowired OrgUnitRepository orgs;

  @Test
  void concurrentFirstNumbersOfAYearAreUniqueAndGapFree() throws Exception {
    int signers = 6;
    Long signerOrg = orgs.findByCode(fx.newUnit("HN-TT", UnitKind.PRIMARY, true).code()).orElseThrow().getId();
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(signers);
    try {
      List<Future<Integer>> numbers = new ArrayList<>();
      for (int i = 0; i < signers; i++) {
        Callable<Integer> sign = () -> {
          start.await();
          return recognitions.nextDecisionNumber(signerOrg, 2031);
        };
        numbers.add(pool.submit(sign));
      }
      start.countDown();
      List<Integer> got = new ArrayList<>();
      for (Future<Integer> n : numbers) {
        got.add(n.get());
      }
      assertThat(got).containsExactlyInAnyOrder(1, 2, 3, 4, 5, 6);
    } finally {
      pool.shutdownNow();
    }
  }
}
