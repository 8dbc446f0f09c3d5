package vn.hoctap.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.hoctap.admin.PageSession;
import vn.hoctap.common.EngineClock;
import vn.hoctap.demo.DemoData;
import vn.hoctap.org.UnitKind;
import vn.hoctap.report.Chains;
import vn.hoctap.support.Fixtures;
import vn.hoctap.support.Fixtures.TestBody;
import vn.hoctap.support.Fixtures.TestUnit;
import vn.hoctap.support.HoctapTest;
import vn.hoctap.support.Http.Response;

/**
 * The bell and "Thông báo": a school's notifications appear once its dossier is returned or recognised, reading
 * one lowers the count, "mark all" clears it; nobody else sees them. The inbox, the notifications and the home
 * page send an anonymous visitor to the login and show another province's user nothing of the school's.
 */
@HoctapTest
class NotificationsHttpTest {

  private static final Pattern BELL = Pattern.compile("id=\"so-chua-doc\">(\\d+)<");

  @LocalServerPort int port;
  @Autowired Fixtures fx;
  @Autowired Chains chains;
  @Autowired JdbcTemplate jdbc;

  int year() {
    return LocalDate.now(EngineClock.ZONE).getYear();
  }

  static int bell(String html) {
    Matcher m = BELL.matcher(html);
    return m.find() ? Integer.parseInt(m.group(1)) : 0;
  }

  PageSession login(String user) {
    PageSession s = new PageSession(port);
    assertThat(s.login(user, DemoData.PASSWORD).body()).contains("/trang-chu");
    return s;
  }

  @Test
  void aSchoolSeesItsNotificationsInTheBellAndTheListAndMarksThemRead() {
    TestUnit school = fx.newUnit("HN-TT", UnitKind.PRIMARY, true);
    TestUnit other = fx.newUnit("HN-TT", UnitKind.PRIMARY, true);
    PageSession team = login(school.team());
    assertThat(bell(team.get("/trang-chu").body())).isZero();
    assertThat(team.get("/thong-bao").body()).contains("Chưa có thông báo nào");

    ProcessInstance returned = chains.returned(school, year(), "Thiếu biên bản họp Tổ đánh giá");
    String home = team.get("/trang-chu").body();
    assertThat(bell(home)).isEqualTo(1);
    String list = team.get("/thong-bao").body();
    assertThat(list).contains("Hồ sơ cần bổ sung", "Thiếu biên bản họp Tổ đánh giá",
        "href=\"/ho-so/" + returned.getBusinessKey() + "\"", "1</span> thông báo chưa đọc");

    // another school and another province see none of it, and cannot mark it read
    long id = jdbc.queryForObject("select max(id) from notification where dossier_id = ? and recipient_group = ?",
        Long.class, Long.parseLong(returned.getBusinessKey()), "team-" + school.code());
    PageSession stranger = login(other.team());
    assertThat(stranger.get("/thong-bao").body()).doesNotContain("/ho-so/" + returned.getBusinessKey())
        .contains("Chưa có thông báo nào");
    assertThat(bell(stranger.get("/trang-chu").body())).isZero();
    Response refused = stranger.submit("/thong-bao", "/thong-bao/" + id + "/da-doc", Map.of());
    assertThat(refused.status()).isEqualTo(404);
    TestBody province = fx.newProvinceForUnits(true);
    PageSession far = login(province.reviewer());
    assertThat(far.get("/thong-bao").body()).doesNotContain("/ho-so/" + returned.getBusinessKey());
    assertThat(far.get("/viec-can-lam").body()).doesNotContain("/ho-so/" + returned.getBusinessKey());
    assertThat(far.get("/trang-chu").body()).doesNotContain("/ho-so/" + returned.getBusinessKey());
    assertThat(bell(team.get("/trang-chu").body())).isEqualTo(1);

    // marked read: the count goes down, the list keeps it without the "unread" flag
    Response read = team.submit("/thong-bao", "/thong-bao/" + id + "/da-doc", Map.of());
    assertThat(read.status()).isEqualTo(302);
    assertThat(bell(team.get("/trang-chu").body())).isZero();
    assertThat(team.get("/thong-bao").body()).contains("Hồ sơ cần bổ sung", "0</span> thông báo chưa đọc");

    // another school's dossier recognised: one new notification each for its team and head; "mark all as read"
    TestUnit recognisedSchool = fx.newUnit("HN-TT", UnitKind.PRIMARY, true);
    ProcessInstance recognised = chains.recognised(recognisedSchool, year());
    PageSession team2 = login(recognisedSchool.team());
    assertThat(bell(team2.get("/viec-can-lam").body())).isEqualTo(1);
    assertThat(team2.get("/thong-bao").body()).contains("Đã được công nhận",
        "href=\"/ho-so/" + recognised.getBusinessKey() + "\"");
    assertThat(team2.get("/trang-chu").body()).contains("Quyết định số");
    assertThat(team2.submit("/thong-bao", "/thong-bao/da-doc-tat-ca", Map.of()).status()).isEqualTo(302);
    assertThat(bell(team2.get("/thong-bao").body())).isZero();
    // the head of the school has its own read state: still unread
    assertThat(bell(login(recognisedSchool.head()).get("/trang-chu").body())).isEqualTo(1);
    // the first school's team sees nothing of the second's
    assertThat(team.get("/thong-bao").body()).doesNotContain("/ho-so/" + recognised.getBusinessKey());
  }

  @Test
  void anonymousVisitorsAreSentToTheLogin() {
    PageSession anonymous = new PageSession(port);
    for (String path : new String[] {"/viec-can-lam", "/viec-can-lam/da-xu-ly", "/thong-bao", "/trang-chu"}) {
      Response r = anonymous.get(path);
      assertThat(r.status()).as(path).isEqualTo(302);
      assertThat(r.body()).as(path).contains("/dang-nhap");
    }
  }
}
