package vn.hoctap.document;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Finishes the documents a decision recorded but whose after-commit step did not lay out or sign them (the node
 * stopped in between, or the step failed: a signature image that does not read, the timestamp service down): at
 * start-up and every few minutes (hoctap.signing.sweep-every, 5 minutes unless set). Each row is claimed before it
 * is worked on, so several nodes sweeping at once never issue a document twice. Spring's scheduler, not the
 * engine's job executor, runs it: the sweep does not depend on the engine.
 */
@Component
@EnableScheduling
public class UnfinishedDocuments implements ApplicationRunner {

  private static final Logger LOG = LoggerFactory.getLogger(UnfinishedDocuments.class);

  private final IssuedDocuments issued;

  UnfinishedDocuments(IssuedDocuments issued) {
    this.issued = issued;
  }

  @Override
  public void run(ApplicationArguments args) {
    sweep();
  }

  /** Returns how many documents it signed or handed to their signer; never throws. */
  @Scheduled(fixedDelayString = "${hoctap.signing.sweep-every:PT5M}",
      initialDelayString = "${hoctap.signing.sweep-every:PT5M}")
  public int sweep() {
    try {
      int done = issued.finishWaiting();
      if (done > 0) {
        LOG.info("Đã ký số, ban hành {} văn bản còn dở", done);
      }
      return done;
    } catch (RuntimeException e) {
      LOG.warn("Không rà được các văn bản còn dở: {}", e.toString(), e);
      return 0;
    }
  }
}
