package vn.hoctap.demo;

import java.time.Instant;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.hoctap.dossier.Title;
import vn.hoctap.org.AuthorityRule;
import vn.hoctap.org.AuthorityRuleRepository;
import vn.hoctap.org.Groups;
import vn.hoctap.org.OrgKind;
import vn.hoctap.org.OrgUnit;
import vn.hoctap.org.OrgUnitRepository;
import vn.hoctap.org.UnitKind;
import vn.hoctap.security.IdentityProvisioning;

/**
 * Demo data (profile "demo"): the Ministry, Hà Nội with its district tier (as in the 2024 Thanh Trì plan), Ninh Bình with two
 * tiers (as since 07/2025), schools of each kind, routing rules, and one user per role. The deadlines are the national
 * ones of TT24 and TT25 (migration V52); everything a province configures is marked unconfirmed.
 * Passwords are in the README and exist only in this profile.
 */
@Component
@Order(10)
@ConditionalOnProperty(name = "hoctap.demo.enabled", havingValue = "true")
public class DemoData implements ApplicationRunner {

  public static final String PASSWORD = "hoctap-demo";
  private static final String LU = Title.LEARNING_UNIT.name();

  private final OrgUnitRepository orgs;
  private final AuthorityRuleRepository authority;
  private final IdentityProvisioning identity;

  DemoData(OrgUnitRepository orgs, AuthorityRuleRepository authority, IdentityProvisioning identity) {
    this.orgs = orgs;
    this.authority = authority;
    this.identity = identity;
  }

  @Override
  @Transactional
  public void run(ApplicationArguments args) {
    if (orgs.findByCode("HN").isEmpty()) {
      createOrganisations();
      createRules();
    }
    createUsers();
  }

  private void createOrganisations() {
    org("BGDDT", "Bộ Giáo dục và Đào tạo", OrgKind.NATION, null, null, true);
    OrgUnit hn = org("HN", "Thành phố Hà Nội", OrgKind.PROVINCE, null, null, true);
    OrgUnit tt = org("HN-TT", "Huyện Thanh Trì", OrgKind.DISTRICT, null, hn, true);
    OrgUnit tto = org("HN-TT-TTO", "Xã Tả Thanh Oai", OrgKind.COMMUNE, null, tt, true);
    org("HN-TT-TTO-T1", "Thôn Tả Thanh Oai", OrgKind.VILLAGE, null, tto, true);
    OrgUnit nh = org("HN-TT-NH", "Xã Ngũ Hiệp", OrgKind.COMMUNE, null, tt, true);
    org("HN-TT-NH-T1", "Thôn Ngũ Hiệp", OrgKind.VILLAGE, null, nh, true);
    // district-level units, attached to the district that manages them
    org("HN-TT-MN01", "Trường Mầm non Tả Thanh Oai", OrgKind.UNIT, UnitKind.PRESCHOOL, tt, true);
    org("HN-TT-MN02", "Trường Mầm non tư thục Hoa Sen", OrgKind.UNIT, UnitKind.PRESCHOOL, tt, false);
    org("HN-TT-TH01", "Trường Tiểu học Tam Hiệp", OrgKind.UNIT, UnitKind.PRIMARY, tt, true);
    org("HN-TT-THCS01", "Trường THCS Ngũ Hiệp", OrgKind.UNIT, UnitKind.LOWER_SECONDARY, tt, true);
    org("HN-TT-GDNN", "Trung tâm GDNN-GDTX huyện Thanh Trì", OrgKind.UNIT,
        UnitKind.DISTRICT_VOCATIONAL_CONTINUING_CENTRE, tt, true);
    org("HN-TT-TTO-UB", "UBND xã Tả Thanh Oai", OrgKind.UNIT, UnitKind.DISTRICT_AGENCY, tto, true);
    // province-level units, attached to the city
    org("HN-THPT01", "Trường THPT Ngọc Hồi", OrgKind.UNIT, UnitKind.UPPER_SECONDARY, hn, true);
    org("HN-PT01", "Trường Phổ thông nhiều cấp học Thăng Long", OrgKind.UNIT, UnitKind.MULTI_LEVEL, hn, false);
    org("HN-GDTX01", "Trung tâm GDTX Thanh Trì", OrgKind.UNIT, UnitKind.CONTINUING_EDUCATION_CENTRE, hn, true);
    org("HN-CD01", "Trường Cao đẳng nghề Thanh Trì", OrgKind.UNIT, UnitKind.VOCATIONAL_SCHOOL, hn, true);
    org("HN-DH01", "Trường Đại học Mở Hà Nội", OrgKind.UNIT, UnitKind.UNIVERSITY, hn, true);
    org("HN-SGD", "Văn phòng Sở Giáo dục và Đào tạo Hà Nội", OrgKind.UNIT, UnitKind.PROVINCE_AGENCY, hn, true);

    OrgUnit nb = org("NB", "Tỉnh Ninh Bình", OrgKind.PROVINCE, null, null, true);
    OrgUnit hl = org("NB-HL", "Phường Hoa Lư", OrgKind.COMMUNE, null, nb, true);
    org("NB-HL-TDP1", "Tổ dân phố Đông Thành", OrgKind.VILLAGE, null, hl, true);
    OrgUnit yk = org("NB-YK", "Xã Yên Khánh", OrgKind.COMMUNE, null, nb, true);
    org("NB-YK-T1", "Thôn Yên Lữ", OrgKind.VILLAGE, null, yk, true);
    // since 07/2025 communes manage preschools, primary and lower-secondary schools
    org("NB-HL-MN01", "Trường Mầm non Hoa Lư", OrgKind.UNIT, UnitKind.PRESCHOOL, hl, true);
    org("NB-HL-TH01", "Trường Tiểu học Đinh Tiên Hoàng", OrgKind.UNIT, UnitKind.PRIMARY, hl, true);
    org("NB-YK-THCS01", "Trường THCS Yên Khánh", OrgKind.UNIT, UnitKind.LOWER_SECONDARY, yk, true);
    org("NB-THPT01", "Trường THPT Lương Văn Tụy", OrgKind.UNIT, UnitKind.UPPER_SECONDARY, nb, true);
    org("NB-GDTX01", "Trung tâm GDTX tỉnh Ninh Bình", OrgKind.UNIT, UnitKind.CONTINUING_EDUCATION_CENTRE, nb, true);
  }

  private void createRules() {
    Long hn = orgs.findByCode("HN").orElseThrow().getId();
    Long nb = orgs.findByCode("NB").orElseThrow().getId();
    String lc = Title.LEARNING_COMMUNITY.name();
    for (Long province : new Long[] {hn, nb}) {
      authority.save(new AuthorityRule(province, LU, UnitKind.Tier.PROVINCE, OrgKind.PROVINCE, "Sở GDĐT",
          OrgKind.PROVINCE, "signer", "Chủ tịch UBND tỉnh / thành phố", "QĐ-UBND", false,
          "Người ký cấp tỉnh do tỉnh cấu hình (chờ xác nhận văn bản)"));
      authority.save(new AuthorityRule(province, lc, UnitKind.Tier.DISTRICT, OrgKind.PROVINCE, "Sở GDĐT",
          OrgKind.PROVINCE, "director", "Giám đốc Sở GDĐT", "QĐ-SGDĐT", true, "TT 25/2023/TT-BGDĐT"));
      authority.save(new AuthorityRule(province, lc, UnitKind.Tier.PROVINCE, OrgKind.NATION, "Bộ GDĐT",
          OrgKind.NATION, "signer", "Bộ trưởng Bộ GDĐT", "QĐ-BGDĐT", true, "TT 25/2023/TT-BGDĐT"));
    }
    authority.save(new AuthorityRule(hn, LU, UnitKind.Tier.DISTRICT, OrgKind.DISTRICT, "Phòng GDĐT",
        OrgKind.DISTRICT, "signer", "Chủ tịch UBND huyện", "QĐ-UBND", true, "TT 24/2023/TT-BGDĐT, Điều 10"));
    authority.save(new AuthorityRule(hn, lc, UnitKind.Tier.COMMUNE, OrgKind.DISTRICT, "Phòng GDĐT",
        OrgKind.DISTRICT, "director", "Trưởng phòng GDĐT", "QĐ-PGDĐT", true, "TT 25/2023/TT-BGDĐT"));
    // Ninh Bình has no district tier since 01/07/2025: district steps go to the Sở GDĐT by provincial choice
    authority.save(new AuthorityRule(nb, LU, UnitKind.Tier.DISTRICT, OrgKind.PROVINCE, "Sở GDĐT",
        OrgKind.PROVINCE, "director", "Giám đốc Sở GDĐT", "QĐ-SGDĐT", false,
        "Từ 01/07/2025 không còn cấp huyện; chưa có văn bản giao bước này: cấu hình của tỉnh"));
    authority.save(new AuthorityRule(nb, lc, UnitKind.Tier.COMMUNE, OrgKind.PROVINCE, "Sở GDĐT",
        OrgKind.PROVINCE, "director", "Giám đốc Sở GDĐT", "QĐ-SGDĐT", false,
        "Từ 01/07/2025 không còn Phòng GDĐT; chưa có văn bản giao bước này: cấu hình của tỉnh"));
    // the deadlines of TT24 and TT25 are national data (migration V52), the same in every province
  }

  private void createUsers() {
    user("todanhgia", "An", "Nguyễn Văn", Groups.team("HN-TT-TH01"), "Tổ đánh giá — Trường Tiểu học Tam Hiệp");
    user("hieutruong", "Bình", "Trần Thị", Groups.head("HN-TT-TH01"), "Hiệu trưởng — Trường Tiểu học Tam Hiệp");
    user("phonggd", "Cường", "Lê Văn", Groups.reviewer("HN-TT"), "Phòng GDĐT huyện Thanh Trì");
    user("chutichhuyen", "Dũng", "Phạm Văn", Groups.signer("HN-TT"), "Chủ tịch UBND huyện Thanh Trì");
    user("chutichhuyen", "Dũng", "Phạm Văn", Groups.chair("HN-TT"), "Chủ tịch UBND huyện Thanh Trì (địa phương đề nghị)");
    user("sogd", "Hà", "Hoàng Thị", Groups.reviewer("HN"), "Sở GDĐT Hà Nội");
    user("pheduyettinh", "Giang", "Vũ Văn", Groups.signer("HN"), "Lãnh đạo UBND thành phố Hà Nội");
    user("admin", "Trị", "Quản", Groups.ADMIN, "Quản trị hoctap");
    identity.ensureMembership("admin", Groups.CAMUNDA_ADMIN);
    user("todanhgia.thpt", "Khánh", "Đỗ Minh", Groups.team("HN-THPT01"), "Tổ đánh giá — Trường THPT Ngọc Hồi");
    user("hieutruong.thpt", "Lan", "Bùi Thị", Groups.head("HN-THPT01"), "Hiệu trưởng — Trường THPT Ngọc Hồi");
    user("todanhgia.nb", "Minh", "Đinh Văn", Groups.team("NB-HL-TH01"),
        "Tổ đánh giá — Trường Tiểu học Đinh Tiên Hoàng");
    user("hieutruong.nb", "Nga", "Lương Thị", Groups.head("NB-HL-TH01"),
        "Hiệu trưởng — Trường Tiểu học Đinh Tiên Hoàng");
    user("sogd.nb", "Phúc", "Ngô Văn", Groups.reviewer("NB"), "Sở GDĐT Ninh Bình");
    user("pheduyet.nb", "Quang", "Trịnh Văn", Groups.director("NB"), "Giám đốc Sở GDĐT Ninh Bình");
    // Cộng đồng học tập: People's Committees apply; education authorities and the Ministry decide
    user("ubndxa", "Sơn", "Phan Văn", Groups.committee("HN-TT-TTO"), "UBND xã Tả Thanh Oai");
    user("chutichxa", "Tâm", "Lý Thị", Groups.chair("HN-TT-TTO"), "Chủ tịch UBND xã Tả Thanh Oai");
    user("truongphong", "Uyên", "Đoàn Thị", Groups.director("HN-TT"), "Trưởng phòng GDĐT huyện Thanh Trì");
    user("ubndhuyen", "Việt", "Mai Văn", Groups.committee("HN-TT"), "UBND huyện Thanh Trì");
    user("giamdocso", "Xuân", "Tạ Thị", Groups.director("HN"), "Giám đốc Sở GDĐT Hà Nội");
    user("ubndtp", "Yến", "Kiều Thị", Groups.committee("HN"), "UBND thành phố Hà Nội");
    user("bogd", "Bảo", "Hà Văn", Groups.reviewer("BGDDT"), "Bộ GDĐT — đơn vị thẩm định");
    user("botruong", "Chính", "Lưu Văn", Groups.signer("BGDDT"), "Bộ trưởng Bộ GDĐT");
    user("ubndphuong.nb", "Duy", "Vương Văn", Groups.committee("NB-HL"), "UBND phường Hoa Lư");
  }

  private void user(String id, String first, String last, String group, String groupName) {
    identity.ensureUserSharingPassword(id, first, last, id + "@demo.hoctap.vn", PASSWORD);
    identity.ensureGroup(group, groupName, "WORKFLOW");
    identity.ensureMembership(id, group);
  }

  private OrgUnit org(String code, String name, OrgKind kind, UnitKind unitKind, OrgUnit parent, boolean pub) {
    return orgs.save(new OrgUnit(code, name, kind, unitKind, pub, parent, Instant.now()));
  }
}
