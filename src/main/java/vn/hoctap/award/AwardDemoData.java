package vn.hoctap.award;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.hoctap.demo.DemoData;
import vn.hoctap.org.Groups;
import vn.hoctap.org.OrgUnitRepository;
import vn.hoctap.security.CurrentUser;
import vn.hoctap.security.IdentityProvisioning;

/**
 * Demo councils (profile "demo", after DemoData): Hội đồng TĐKT of the Tam Hiệp primary school, of huyện Thanh Trì,
 * of Hà Nội and of the national level, each with a secretary and a chair, and one proposal list of the school
 * waiting for its council's votes. The national signer of the Prime Minister's Bằng khen is modelled by the
 * Ministry's signer group: chờ xác nhận văn bản.
 */
@Component
@Order(30)
@ConditionalOnProperty(name = "hoctap.demo.enabled", havingValue = "true")
class AwardDemoData implements ApplicationRunner {

  private final IdentityProvisioning identity;
  private final OrgUnitRepository orgs;
  private final CouncilService councils;
  private final AwardService awards;
  private final JdbcTemplate jdbc;
  private final IdentityService users;

  AwardDemoData(IdentityProvisioning identity, OrgUnitRepository orgs, CouncilService councils, AwardService awards,
      JdbcTemplate jdbc, IdentityService users) {
    this.users = users;
    this.identity = identity;
    this.orgs = orgs;
    this.councils = councils;
    this.awards = awards;
    this.jdbc = jdbc;
  }

  @Override
  @Transactional
  public void run(ApplicationArguments args) {
    council("HN-TT-TH01", "Trường Tiểu học Tam Hiệp", "hieutruong", List.of("hieutruong", "giaovien.th01", "congdoan.th01"),
        "thuky.th01");
    council("HN-TT", "huyện Thanh Trì", "chutichhuyen", List.of("chutichhuyen", "phonggd", "hdtdkt.huyen"),
        "thuky.huyen");
    council("HN", "thành phố Hà Nội", "pheduyettinh", List.of("pheduyettinh", "sogd", "hdtdkt.tp"), "thuky.tp");
    council("BGDDT", "cấp trung ương", "hdtdkt.tw1", List.of("hdtdkt.tw1", "hdtdkt.tw2", "hdtdkt.tw3"), "thuky.tw");
    Integer proposals = jdbc.queryForObject("select count(*) from award_proposal", Integer.class);
    if (proposals == 0) {
      awards.propose(new ProposalRequest("HN-TT-TH01", AwardForm.GIAY_KHEN.name(),
          "Cả nước thi đua xây dựng xã hội học tập, đẩy mạnh học tập suốt đời giai đoạn 2023–2030",
          PeriodKind.YEARLY.name(), 2025, "Trường Tiểu học Tam Hiệp kính trình Hiệu trưởng xét tặng Giấy khen "
              + "cho các cá nhân có thành tích trong phong trào năm 2025.",
          "Báo cáo thành tích của các cá nhân trong phong trào năm 2025 (kèm theo).",
          List.of(new ProposalRequest.Candidate("INDIVIDUAL", "Nguyễn Thị Hoa", "HN-TT-TH01", "Giáo viên lớp 4A",
              "Tổ chức câu lạc bộ đọc sách cho phụ huynh", List.of(), List.of("Xác nhận của Hiệu trưởng")))),
          new CurrentUser("hieutruong", List.of(Groups.head("HN-TT-TH01"))));
    }
  }

  /** The council members and secretaries who are not demo users already: people have names (first, last). */
  static final Map<String, String[]> NAMES = Map.ofEntries(
      Map.entry("giaovien.th01", new String[] {"Mai", "Đỗ Thị"}),
      Map.entry("congdoan.th01", new String[] {"Tuấn", "Nguyễn Văn"}),
      Map.entry("thuky.th01", new String[] {"Thu", "Phạm Thị"}),
      Map.entry("hdtdkt.huyen", new String[] {"Hòa", "Trương Văn"}),
      Map.entry("thuky.huyen", new String[] {"Hạnh", "Lê Thị"}),
      Map.entry("hdtdkt.tp", new String[] {"Thắng", "Nguyễn Đức"}),
      Map.entry("thuky.tp", new String[] {"Ngọc", "Vũ Thị"}),
      Map.entry("hdtdkt.tw1", new String[] {"Tuấn", "Hoàng Minh"}),
      Map.entry("hdtdkt.tw2", new String[] {"Hương", "Đặng Thị"}),
      Map.entry("hdtdkt.tw3", new String[] {"Bảo", "Phan Quốc"}),
      Map.entry("thuky.tw", new String[] {"Loan", "Cao Thị"}));

  private void council(String code, String name, String chair, List<String> members, String secretary) {
    for (String m : members) {
      person(m);
      identity.ensureGroup(Groups.council(code), "Hội đồng TĐKT " + name, "WORKFLOW");
      identity.ensureMembership(m, Groups.council(code));
    }
    person(secretary);
    identity.ensureGroup(Groups.councilSecretary(code), "Thư ký Hội đồng TĐKT " + name, "WORKFLOW");
    identity.ensureMembership(secretary, Groups.councilSecretary(code));
    Long bodyId = orgs.findByCode(code).orElseThrow().getId();
    Integer own = jdbc.queryForObject("select count(*) from council_config where org_id = ?", Integer.class, bodyId);
    if (own == 0) {
      councils.configure(bodyId, new CouncilService.Config(2, 3, 1, 2, TieRule.CHAIR_DECIDES, chair,
          "Mặc định theo NĐ 98/2023 Điều 47; Chủ tịch Hội đồng và quy tắc phiếu ngang nhau: cấu hình demo, "
              + "chờ xác nhận văn bản", false));
    }
  }

  /**
   * A demo person with their name; a demo database made before people had names (the login as first name) gets
   * them now, so that minutes and pages name them.
   */
  private void person(String id) {
    String[] n = NAMES.get(id);
    if (n == null) {
      return; // a demo user of DemoData, already named
    }
    identity.ensureUserSharingPassword(id, n[0], n[1], id + "@demo.hoctap.vn", DemoData.PASSWORD);
    User u = users.createUserQuery().userId(id).singleResult();
    if (u != null && id.equals(u.getFirstName())) {
      u.setFirstName(n[0]);
      u.setLastName(n[1]);
      users.saveUser(u);
    }
  }
}
