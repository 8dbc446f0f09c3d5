package vn.hoctap.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.hoctap.admin.Sheets.org;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.hoctap.common.EngineClock;
import vn.hoctap.demo.DemoData;
import vn.hoctap.dossier.Dossier;
import vn.hoctap.dossier.DossierService;
import vn.hoctap.dossier.DossierStatus;
import vn.hoctap.dossier.Title;
import vn.hoctap.org.AdministrativeType;
import vn.hoctap.org.OrgKind;
import vn.hoctap.org.OrgUnit;
import vn.hoctap.org.OrgUnitRepository;
import vn.hoctap.org.UnitKind;
import vn.hoctap.procedure.DossierKinds;
import vn.hoctap.process.LearningCommunityProcess;
import vn.hoctap.recognition.Recognition;
import vn.hoctap.recognition.RecognitionService;
import vn.hoctap.security.RawHttp;
import vn.hoctap.support.Fixtures;
import vn.hoctap.support.Fixtures.TestBody;
import vn.hoctap.support.Fixtures.TestUnit;
import vn.hoctap.support.HoctapTest;
import vn.hoctap.support.Http;
import vn.hoctap.support.Http.Response;

/**
 * The 2025 map (issue 19 part 9, LEGAL-TEXTS.md §4.3): the official codes of QĐ 19/2025/QĐ-TTg (2 digits for a
 * province, 5 for a xã, phường or đặc khu), the đặc khu as a commune-level unit — created, imported from the
 * official list, shown with its name, applying for "Cộng đồng học tập" cấp xã — and a recognition that survives a
 * merger attached to the commune that received it, counted for the merged commune only once an administrator maps
 * it.
 */
@HoctapTest
class Map2025HttpTest {

  static final int YEAR = 2026;
  static final Random RANDOM = new Random();

  @LocalServerPort int port;
  @Autowired Fixtures fx;
  @Autowired OrgUnitRepository orgs;
  @Autowired DossierService dossiers;
  @Autowired DossierKinds kinds;
  @Autowired RecognitionService recognitions;
  @Autowired RuntimeService runtime;
  @Autowired JdbcTemplate jdbc;
  Http http;

  @BeforeEach
  void setUp() {
    ClockUtil.setCurrentTime(Date.from(LocalDate.of(YEAR, 12, 1).atTime(9, 0).atZone(EngineClock.ZONE).toInstant()));
    http = new Http(port);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  /** An official-format code (2 or 5 digits) no unit has yet. */
  String freeCode(int digits) {
    while (true) {
      String code = String.format("%0" + digits + "d", RANDOM.nextInt((int) Math.pow(10, digits)));
      if (orgs.findByCode(code).isEmpty()) {
        return code;
      }
    }
  }

  Response create(Map<String, Object> unit) {
    return http.post("admin", "/api/admin/org-units", unit);
  }

  static Map<String, Object> unit(String code, String name, String adminType, String parent) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("code", code);
    m.put("name", name);
    m.put("adminType", adminType);
    m.put("parentCode", parent);
    return m;
  }

  PageSession adminPages() {
    PageSession s = new PageSession(port);
    assertThat(s.login("admin", DemoData.PASSWORD).status()).isEqualTo(302);
    return s;
  }

  @Test
  void qd19_2025_provinceCodesHaveTwoDigitsCommuneCodesFiveAndNoCodeIsUsedTwice() {
    long audit = jdbc.queryForObject("select count(*) from audit_log", Long.class);
    Response oneDigit = create(unit("1", "Tỉnh Một Số", "TINH", null));
    assertThat(oneDigit.status()).isEqualTo(400);
    assertThat(oneDigit.json().get("details").toString()).contains("đúng 2 chữ số", "\\\"1\\\"");
    assertThat(create(unit("101", "Thành phố Ba Số", "THANH_PHO", null)).status()).isEqualTo(400);
    assertThat(create(unit("AB", "Tỉnh Chữ", "TINH", null)).status()).isEqualTo(400);
    assertThat(jdbc.queryForObject("select count(*) from audit_log", Long.class)).isEqualTo(audit);

    String province = freeCode(2);
    Response created = create(unit(province, "Tỉnh Thử Mã", "TINH", null));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    assertThat(created.json().get("kind").asText()).isEqualTo("PROVINCE");
    assertThat(created.json().get("adminType").asText()).isEqualTo("TINH");

    Response fourDigits = create(unit("1234", "Đặc khu Bốn Số", "DAC_KHU", province));
    assertThat(fourDigits.status()).isEqualTo(400);
    assertThat(fourDigits.json().get("details").toString()).contains("đúng 5 chữ số");
    assertThat(create(unit("12a45", "Xã Chữ", "XA", province)).status()).isEqualTo(400);
    assertThat(orgs.findByCode("1234")).isEmpty();

    // two-tier: a xã of the official list sits under its province, not under a district
    String commune = freeCode(5);
    Response underDistrict = create(unit(commune, "Xã Dưới Huyện", "XA", "HN-TT"));
    assertThat(underDistrict.status()).isEqualTo(400);
    assertThat(underDistrict.json().get("details").toString()).contains("trực thuộc tỉnh");
    // the type decides the tier; a contradicting one is refused
    Map<String, Object> contradicting = unit(commune, "Đặc khu Sai Cấp", "DAC_KHU", null);
    contradicting.put("kind", "PROVINCE");
    assertThat(create(contradicting).json().get("details").toString()).contains("không phải tỉnh");

    Response xa = create(unit(commune, "Xã Thử Mã", "XA", province));
    assertThat(xa.status()).as(xa.body()).isEqualTo(201);
    assertThat(xa.json().get("name").asText()).isEqualTo("Xã Thử Mã");
    assertThat(xa.json().get("path").asText()).isEqualTo("/" + province + "/" + commune + "/");
    Response twice = create(unit(commune, "Phường Trùng Mã", "PHUONG", province));
    assertThat(twice.status()).isEqualTo(409);
    assertThat(twice.json().get("message").asText()).contains("đã có");
    assertThat(twice.json().get("details").toString()).contains("xã \\\"Xã Thử Mã\\\"");
    assertThat(create(unit(province, "Tỉnh Trùng Mã", "THANH_PHO", null)).status()).isEqualTo(409);

    // units outside the official list (the demo data, district-era trees) keep their free-form codes
    Map<String, Object> legacy = unit("HN-TT-" + freeCode(5), "Xã Cũ", null, "HN-TT");
    legacy.put("kind", "COMMUNE");
    assertThat(create(legacy).status()).isEqualTo(201);
  }

  @Test
  void aDacKhuIsCreatedImportedFromTheOfficialListAndShownWithItsName() {
    String province = freeCode(2);
    String dacKhu = freeCode(5);
    String phuong = freeCode(5);
    String xa = freeCode(5);
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {province, "Tỉnh Đảo Thử", "Tỉnh", null, null});                  // row 2
    rows.add(new String[] {dacKhu, "Côn Thử", "Đặc khu", province, "Tỉnh Đảo Thử"});        // row 3
    rows.add(new String[] {phuong, "Phường Bến Thử", "Phường", province, "Tỉnh Đảo Thử"});  // row 4
    rows.add(new String[] {xa, "Xã Đồi Thử", "Xã", province, "Tỉnh Đảo Thử"});              // row 5
    List<String[]> withMistakes = new ArrayList<>(rows);
    withMistakes.add(new String[] {"1234", "Đặc khu Bốn Số", "Đặc khu", province, null});  // row 6
    withMistakes.add(new String[] {freeCode(5), "Huyện Cũ", "Huyện", province, null});      // row 7
    withMistakes.add(new String[] {freeCode(5), "Xã Không Tỉnh", "Xã", null, null});        // row 8
    withMistakes.add(new String[] {phuong, "Phường Trùng", "Phường", province, null});      // row 9

    Response refused = http.upload("admin", "/api/admin/import", "danh-muc-sai.xlsx",
        Sheets.officialList(withMistakes), Map.of());
    assertThat(refused.status()).as(refused.body()).isEqualTo(400);
    JsonNode errors = refused.json().get("errors");
    String sheet = "Danh sách đơn vị hành chính";
    assertThat(SpreadsheetImportHttpTest.find(errors, sheet, 6).get("column").asText()).isEqualTo("A (Mã)");
    assertThat(SpreadsheetImportHttpTest.find(errors, sheet, 6).get("message").asText()).contains("đúng 5 chữ số");
    assertThat(SpreadsheetImportHttpTest.find(errors, sheet, 7).get("column").asText()).isEqualTo("C (Cấp)");
    assertThat(SpreadsheetImportHttpTest.find(errors, sheet, 8).get("column").asText()).isEqualTo("D (Mã tỉnh)");
    assertThat(SpreadsheetImportHttpTest.find(errors, sheet, 9).get("message").asText()).contains("trùng với dòng 4");
    assertThat(errors.size()).isEqualTo(4);
    assertThat(orgs.findByCode(province)).isEmpty();

    Response imported = http.upload("admin", "/api/admin/import", "danh-muc.xlsx", Sheets.officialList(rows),
        Map.of());
    assertThat(imported.status()).as(imported.body()).isEqualTo(200);
    assertThat(imported.json().get("orgUnitsCreated").asInt()).isEqualTo(4);
    OrgUnit zone = orgs.findByCode(dacKhu).orElseThrow();
    assertThat(zone.getName()).isEqualTo("Đặc khu Côn Thử");
    assertThat(zone.getKind()).isEqualTo(OrgKind.COMMUNE);
    assertThat(zone.getAdminType()).isEqualTo(AdministrativeType.DAC_KHU);
    assertThat(zone.getPath()).isEqualTo("/" + province + "/" + dacKhu + "/");
    assertThat(zone.assessmentTier()).isEqualTo(UnitKind.Tier.COMMUNE);
    assertThat(orgs.findByCode(phuong).orElseThrow().getName()).isEqualTo("Phường Bến Thử");
    assertThat(orgs.findByCode(province).orElseThrow().getAdminType()).isEqualTo(AdministrativeType.TINH);
    Response again = http.upload("admin", "/api/admin/import", "danh-muc.xlsx", Sheets.officialList(rows),
        Map.of());
    assertThat(again.json().get("orgUnitsCreated").asInt()).isZero();
    assertThat(again.json().get("orgUnitsUnchanged").asInt()).isEqualTo(4);

    // the template's sheet takes "Đặc khu" as its tier too, with the official code
    String second = freeCode(5);
    Response badSheet = http.upload("admin", "/api/admin/import", "don-vi.xlsx", Sheets.workbook(List.<String[]>of(
        org("DK-" + second, "Đặc khu Sai Mã", "Đặc khu", null, null, province)), List.of()), Map.of());
    assertThat(badSheet.status()).isEqualTo(400);
    assertThat(badSheet.body()).contains("đúng 5 chữ số");
    Response sheet2 = http.upload("admin", "/api/admin/import", "don-vi.xlsx", Sheets.workbook(List.<String[]>of(
        org(second, "Thử Hai", "Đặc khu", null, null, province)), List.of()), Map.of());
    assertThat(sheet2.status()).as(sheet2.body()).isEqualTo(200);
    assertThat(orgs.findByCode(second).orElseThrow().getName()).isEqualTo("Đặc khu Thử Hai");
    assertThat(orgs.findByCode(second).orElseThrow().getAdminType()).isEqualTo(AdministrativeType.DAC_KHU);

    // shown with its name and type on the administrator's pages
    PageSession admin = adminPages();
    assertThat(admin.get("/quan-tri/don-vi?ma=" + province).body()).contains("Đặc khu Côn Thử", "Đặc khu",
        "Phường Bến Thử", "Xã Đồi Thử");
    assertThat(admin.get("/quan-tri/don-vi?ma=" + dacKhu).body()).contains("Đặc khu Côn Thử",
        "danh mục QĐ 19/2025/QĐ-TTg");
    // created through the page; a 4-digit code is refused next to its field, nothing saved
    String third = freeCode(5);
    Response bad = admin.submit("/quan-tri/don-vi?ma=" + province, "/quan-tri/don-vi", Map.of("parentCode",
        province, "code", "9876", "name", "Bạch Thử", "kind", "COMMUNE", "adminType", "DAC_KHU"));
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.body()).contains("id=\"loi-code\"", "đúng 5 chữ số", "value=\"Bạch Thử\"");
    Response good = admin.submit("/quan-tri/don-vi?ma=" + province, "/quan-tri/don-vi", Map.of("parentCode",
        province, "code", third, "name", "Bạch Thử", "kind", "COMMUNE", "adminType", "DAC_KHU"));
    assertThat(good.status()).isEqualTo(302);
    assertThat(orgs.findByCode(third).orElseThrow().getName()).isEqualTo("Đặc khu Bạch Thử");
  }

  @Test
  void aDacKhuAppliesForCongDongHocTapCapXaInATwoTierProvince() {
    TestBody province = fx.newProvinceForUnits(false);
    String code = freeCode(5);
    Response created = create(unit(code, "Phú Thử", "DAC_KHU", province.code()));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    TestUnit zone = fx.committeeOf(code);

    ProcessInstance pi = fx.open(LearningCommunityProcess.KEY, zone.team(), code, 1, YEAR);
    Dossier d = dossiers.get(Long.valueOf(pi.getBusinessKey()));
    assertThat(d.getTitle()).isEqualTo(Title.LEARNING_COMMUNITY);
    assertThat(d.getUnit().getName()).isEqualTo("Đặc khu Phú Thử");
    // the commune-level criteria of TT25 (Điều 6) and the two-tier province's route: the Sở receives
    assertThat(dossiers.criteriaSet(d).tier()).isEqualTo(UnitKind.Tier.COMMUNE);
    assertThat(d.getReceivingOrg().getCode()).isEqualTo(province.code());
    assertThat(d.getSignerTitle()).isEqualTo("Giám đốc Sở GDĐT");

    PageSession team = new PageSession(port);
    team.login(zone.team(), DemoData.PASSWORD);
    assertThat(team.get("/ho-so/" + d.getId()).body()).contains("Đặc khu Phú Thử", "Cộng đồng học tập");
  }

  @Test
  void tt25Dieu5K4_aRecognitionStaysWithTheCommuneThatReceivedItAndCountsForTheMergedCommuneOnlyOnceMapped() {
    TestBody province = fx.newProvinceForUnits(true);
    TestBody district = fx.newBody(province.code(), OrgKind.DISTRICT);
    TestUnit districtCommittee = fx.committeeOf(district.code());
    TestBody a = fx.newBody(district.code(), OrgKind.COMMUNE);
    TestBody b = fx.newBody(district.code(), OrgKind.COMMUNE);
    ProcessInstance decided = fx.recogniseCommune(district, fx.committeeOf(a.code()), YEAR);
    assertThat(dossiers.get(Long.valueOf(decided.getBusinessKey())).getStatus())
        .isEqualTo(DossierStatus.RECOGNISED);
    OrgUnit oldA = orgs.findByCode(a.code()).orElseThrow();
    Recognition r = recognitions.ofUnit(oldA.getId()).get(0);
    assertThat(r.getValidUntil()).isEqualTo(LocalDate.of(YEAR + 3, 12, 31));

    // A and B merge into a new commune C
    TestBody c = fx.newBody(district.code(), OrgKind.COMMUNE);
    Response merged = http.post("admin", "/api/admin/reorganisations", Map.of("orgCodes", List.of(a.code(),
        b.code()), "targetCode", c.code(), "reason", "Nghị quyết sắp xếp đơn vị hành chính cấp xã năm 2025"));
    assertThat(merged.status()).as(merged.body()).isEqualTo(200);
    OrgUnit newC = orgs.findByCode(c.code()).orElseThrow();

    // the decision stays with the legal entity that received it, retention unchanged; C does not hold it yet
    assertThat(recognitions.ofUnit(oldA.getId())).extracting(Recognition::getId).containsExactly(r.getId());
    assertThat(recognitions.heldBy(newC.getId())).isEmpty();
    assertThat(recognitions.latest(newC.getId(), Title.LEARNING_COMMUNITY, 1)).isEmpty();
    assertThat(kinds.upgradePossibleFrom(newC, Title.LEARNING_COMMUNITY)).isEmpty();

    PageSession admin = adminPages();
    String pageA = "/quan-tri/don-vi?ma=" + a.code();
    assertThat(admin.get(pageA).body()).contains("chờ xác nhận văn bản", "Ánh xạ sang đơn vị tiếp nhận",
        "value=\"" + c.code() + "\"", r.getDecisionNo());

    // refused: another tier, a dissolved unit
    Response toDistrict = http.post("admin", "/api/admin/recognitions/" + r.getId() + "/successor",
        Map.of("successorCode", district.code()));
    assertThat(toDistrict.status()).isEqualTo(422);
    assertThat(toDistrict.json().get("message").asText()).contains("cùng cấp");
    Response toDissolved = http.post("admin", "/api/admin/recognitions/" + r.getId() + "/successor",
        Map.of("successorCode", b.code()));
    assertThat(toDissolved.json().get("message").asText()).contains("đã giải thể");
    assertThat(recognitions.heldBy(newC.getId())).isEmpty();

    // the administrator maps it on the page
    Response mapped = admin.submit(pageA, "/quan-tri/don-vi/cong-nhan", Map.of("code", a.code(), "recognitionId",
        String.valueOf(r.getId()), "successorCode", c.code(), "canCu", "Nghị quyết sắp xếp năm 2025"));
    assertThat(mapped.status()).isEqualTo(302);
    assertThat(admin.get(pageA).body()).contains("Đã ánh xạ sang", "Nghị quyết sắp xếp năm 2025");
    assertThat(admin.get("/quan-tri/don-vi?ma=" + c.code()).body()).contains("Nhận từ", "chờ xác nhận văn bản");
    assertThat(recognitions.ofUnit(oldA.getId())).extracting(Recognition::getId).containsExactly(r.getId());
    assertThat(recognitions.heldBy(newC.getId())).extracting(Recognition::getId).containsExactly(r.getId());
    assertThat(recognitions.heldBy(newC.getId()).get(0).getValidUntil()).isEqualTo(r.getValidUntil());
    // nâng mức độ counts from the mapped decision
    assertThat(kinds.upgradePossibleFrom(newC, Title.LEARNING_COMMUNITY))
        .hasValue(r.getDecisionDate().plusMonths(12));
    // the district's share of recognised communes (TT25 Điều 11 khoản 4 điểm a): C of the communes that remain
    ProcessInstance pi = fx.open(LearningCommunityProcess.KEY, districtCommittee.team(), district.code(), 1, YEAR);
    Map<String, Object> shown = runtime.getVariables(pi.getId());
    assertThat(shown.get("tc4_ct1_met")).isEqualTo(1L);
    assertThat(shown.get("tc4_ct1_total")).isEqualTo(1L);
    assertThat((String) shown.get("tc4_ct1_note")).contains("Địa bàn thử " + c.code());

    Response twice = http.post("admin", "/api/admin/recognitions/" + r.getId() + "/successor",
        Map.of("successorCode", c.code()));
    assertThat(twice.status()).isEqualTo(409);
    RawHttp raw = new RawHttp(port);
    assertThat(raw.send("DELETE", "admin", DemoData.PASSWORD, "/api/admin/recognitions/" + r.getId()
        + "/successor", null).status()).isEqualTo(200);
    assertThat(recognitions.latest(newC.getId(), Title.LEARNING_COMMUNITY, 1)).isEmpty();
    assertThat(jdbc.queryForList("select action from audit_log where target_type = 'RECOGNITION' and target_id = ?"
        + " order by id", String.class, String.valueOf(r.getId())))
        .containsExactly("RECOGNITION_MAPPED", "RECOGNITION_UNMAPPED");
  }
}
