package vn.hoctap.award;

import java.util.List;
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

  AwardDemoData(IdentityProvisioning identity, OrgUnitRepository orgs, CouncilService councils, AwardService awards,
      JdbcTemplate jdbc) {
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

  private void council(String code, String name, String chair, List<String> members, String secretary) {
    for (String m : members) {
      identity.ensureUserSharingPassword(m, m, "Thành viên HĐ", m + "@demo.hoctap.vn", DemoData.PASSWORD);
      identity.ensureGroup(Groups.council(code), "Hội đồng TĐKT " + name, "WORKFLOW");
      identity.ensureMembership(m, Groups.council(code));
    }
    identity.ensureUserSharingPassword(secretary, secretary, "Thư ký HĐ", secretary + "@demo.hoctap.vn",
        DemoData.PASSWORD);
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
}
