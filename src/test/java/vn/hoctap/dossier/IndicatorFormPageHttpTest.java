package vn.hoctap.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.hoctap.admin.PageSession;
import vn.hoctap.demo.DemoData;
import vn.hoctap.org.UnitKind;
import vn.hoctap.support.Fixtures;
import vn.hoctap.support.Fixtures.TestUnit;
import vn.hoctap.support.HoctapTest;

/**
 * The indicator form on the dossier page speaks the words of the dossier's own criteria set: each indicator's official
 * text, what it asks of this applicant, its article, and what the texts leave open ("chờ xác nhận văn bản"); only
 * the fields of the set's rule for that indicator are shown.
 */
@HoctapTest
class IndicatorFormPageHttpTest {

  @LocalServerPort int port;
  @Autowired Fixtures fx;

  @Test
  @DisplayName("TT24 Điều 12: a university's self-assessment shows TC3.CT5 as QĐ 4740's “mức đáp ứng cơ bản”, TC2.CT4"
      + " at 50 % of Thành viên, with their articles")
  void aUniversitysFormShowsTheTextsOfItsSet() {
    TestUnit university = fx.newUnit("HN", UnitKind.UNIVERSITY, true);
    ProcessInstance pi = fx.open(university.team(), university.code(), 1,
        LocalDate.now(vn.hoctap.common.EngineClock.ZONE).getYear());
    PageSession s = new PageSession(port);
    s.login(university.team(), DemoData.PASSWORD);
    String page = s.get("/ho-so/" + pi.getBusinessKey()).body();

    assertThat(page).contains("TC3.CT5 — Đơn vị cấp tỉnh là cơ sở giáo dục đại học đạt mức độ chuyển đổi số của đơn"
        + " vị ở “mức đáp ứng cơ bản” theo Quyết định số 4740/QĐ-BGDĐT",
        "Yêu cầu: ≥ Mức đáp ứng cơ bản.", "Căn cứ: Thông tư 24/2023/TT-BGDĐT, Điều 12, khoản 3, điểm đ",
        "Chờ xác nhận văn bản: Thang mức độ chuyển đổi số", "id=\"i_tc3_ct5_level\"", "Mức đáp ứng tốt");
    assertThat(page).contains("TC2.CT4 — Tối thiểu 50% Thành viên trong đơn vị có chứng nhận hoặc chứng chỉ ngoại ngữ",
        "Yêu cầu: ≥ 50 % Thành viên trong đơn vị.", "Số thành viên đạt", "Tổng số thành viên (Thành viên trong đơn vị)");
    assertThat(page).contains("TC3.CT1.HS — Người học của cơ sở giáo dục", "Số người học đạt");
    // a university has no district-level indicators, and TC3.CT5 is not the district's yes/no accreditation
    assertThat(page).doesNotContain("name=\"f_tc3_ct5\"", "TC1.CT2.MN", "TC3.CT4 —", "UNCONFIRMED",
        "DIGITAL_LEVEL_AT_LEAST");
  }
}
