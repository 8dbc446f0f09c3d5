package vn.hoctap.dossier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.hoctap.process.RecognitionProcess.FIELD_ASSESSMENT_COMMENT;
import static vn.hoctap.process.RecognitionProcess.FIELD_COMPLETENESS;
import static vn.hoctap.process.RecognitionProcess.FIELD_COMPLETENESS_COMMENT;
import static vn.hoctap.process.RecognitionProcess.TASK_CHECK_COMPLETENESS;
import static vn.hoctap.process.RecognitionProcess.TASK_SUPPLEMENT;
import static vn.hoctap.support.Fixtures.districtLevel1Met;
import static vn.hoctap.support.Fixtures.with;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.hoctap.common.DomainException;
import vn.hoctap.common.EngineClock;
import vn.hoctap.org.Groups;
import vn.hoctap.org.UnitKind;
import vn.hoctap.report.Chains;
import vn.hoctap.security.CurrentUser;
import vn.hoctap.support.Fixtures;
import vn.hoctap.support.Fixtures.TestUnit;
import vn.hoctap.support.HoctapTest;

/**
 * A file added in a supplement becomes part of the resubmitted dossier: returned a second time, the school may add
 * more but can no longer remove it (it was kept only until the first submission before). The evidence list flags
 * what was added after the first submission.
 */
@HoctapTest
class SupplementEvidenceTest {

  @Autowired Fixtures fx;
  @Autowired Chains chains;
  @Autowired EvidenceService evidence;
  @Autowired EvidencePages pages;

  long upload(long id, String name, CurrentUser team) throws Exception {
    byte[] pdf = ("%PDF-1.4\n% " + name + "\n%%EOF\n").getBytes();
    return evidence.upload(id, null, name, new ByteArrayInputStream(pdf), pdf.length, null, team).getId();
  }

  @Test
  void aFileOfTheFirstSupplementIsKeptWhenTheDossierIsReturnedAgain() throws Exception {
    TestUnit school = fx.newUnit("HN-TT", UnitKind.PRIMARY, true);
    ProcessInstance pi = chains.submitted(school, LocalDate.now(EngineClock.ZONE).getYear());
    long id = Long.parseLong(pi.getBusinessKey());
    CurrentUser team = new CurrentUser(school.team(), List.of(Groups.team(school.code())));
    Map<String, Object> incomplete = Map.of(FIELD_COMPLETENESS, "INCOMPLETE", FIELD_COMPLETENESS_COMMENT,
        "Thiếu biên bản họp");

    fx.complete("phonggd", pi, TASK_CHECK_COMPLETENESS, incomplete);
    long first = upload(id, "bien-ban-hop.pdf", team);
    fx.complete(school.team(), pi, TASK_SUPPLEMENT, with(districtLevel1Met(), FIELD_ASSESSMENT_COMMENT,
        "Đã bổ sung biên bản"));
    fx.complete("phonggd", pi, TASK_CHECK_COMPLETENESS, Map.of(FIELD_COMPLETENESS, "INCOMPLETE",
        FIELD_COMPLETENESS_COMMENT, "Biên bản chưa có chữ ký"));

    assertThatThrownBy(() -> evidence.remove(id, first, team)).isInstanceOf(DomainException.class)
        .hasMessageContaining("đã thuộc hồ sơ đã trình");
    long second = upload(id, "bien-ban-hop-co-chu-ky.pdf", team);
    EvidencePages.EvidenceView v = pages.view(id, team);
    List<EvidencePages.Item> items = v.groups().stream().flatMap(g -> g.items().stream()).toList();
    assertThat(items).filteredOn(i -> i.id() == first).singleElement().satisfies(i -> {
      assertThat(i.removable()).isFalse();
      assertThat(i.supplement()).isEqualTo("Bổ sung sau khi trả lại");
    });
    assertThat(items).filteredOn(i -> i.id() == second).singleElement()
        .satisfies(i -> assertThat(i.removable()).isTrue());
    evidence.remove(id, second, team);
    assertThat(evidence.list(id)).extracting(EvidenceInfo::getFileName).containsExactly("bien-ban-hop.pdf");
  }
}
