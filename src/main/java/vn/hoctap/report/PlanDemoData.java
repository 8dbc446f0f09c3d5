package vn.hoctap.report;

import static vn.hoctap.citizen.Subject.CLAN;
import static vn.hoctap.citizen.Subject.FAMILY;
import static vn.hoctap.citizen.Subject.LEARNER;
import static vn.hoctap.citizen.Subject.OFFICIAL;
import static vn.hoctap.citizen.Subject.RESIDENT;
import static vn.hoctap.citizen.Subject.WORKER;
import static vn.hoctap.report.Measure.*;

import java.util.Set;
import vn.hoctap.citizen.Subject;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The five seed plans (see shared/domain/PLAN-TARGETS.md) as demo data, after DemoData has built the tree. Plans of
 * bodies that are not in the demo tree (Hải Phòng, phường Đông Sơn, TP HCM) keep their targets without a scope:
 * the dashboard lists them and says there is no data. Targets of "Công dân học tập", "Gia đình học tập" and
 * "Dòng họ học tập" name the round entries they count where the plan's population is one of the rounds' subjects
 * (the staff and learners of an education department's plan: those of its education units); those whose population
 * the rounds do not record (adults in learning families, families of education staff, staff of learning units), and
 * villages, digital skills and the organising of assessments, are kept without ("chưa có dữ liệu").
 * V31__round_tally.sql gives a database seeded before it the same mapping.
 */
@Component
@Profile("demo")
@Order(40)
class PlanDemoData implements ApplicationRunner {

  /** Staff and learners of the education sector's units. */
  static final Set<Subject> SECTOR = Set.of(OFFICIAL, WORKER, LEARNER);
  /** Staff (officials and employees) of the education sector's units. */
  static final Set<Subject> SECTOR_STAFF = Set.of(OFFICIAL, WORKER);

  private final PlanCatalog plans;

  PlanDemoData(PlanCatalog plans) {
    this.plans = plans;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (plans.exists("HP-2024")) {
      return;
    }
    long hp = plans.createPlan("HP-2024", "Kế hoạch xây dựng xã hội học tập năm 2024 của ngành Giáo dục Hải Phòng",
        "Sở Giáo dục và Đào tạo Hải Phòng", null, 2024, 2024, "000_816bce320b6cc500.txt");
    plans.addTarget(hp, LEARNING_UNIT, "Phòng GDĐT các quận, huyện (Đơn vị học tập cấp huyện)", null, null, null,
        100.0, null, "mỗi phòng được công nhận hằng năm", true);
    plans.addTarget(hp, LEARNING_UNIT, "Trường THPT, trường nhiều cấp học, đơn vị trực thuộc Sở (cấp tỉnh)", "UNIT",
        "PROVINCE", null, 100.0, null, "mỗi đơn vị được công nhận hằng năm", true);
    plans.addTarget(hp, LEARNING_CITIZEN, "Cán bộ, giáo viên, học sinh", "UNIT", "EDUCATION", SECTOR, null, null,
        "tiêu chí thi đua, không nêu tỉ lệ", true);
    plans.addReportDue(hp, "Các đơn vị trực thuộc", "Sở GDĐT Hải Phòng", null, 12, 5, 0, 7);

    long ds = plans.createPlan("DS-2024", "Kế hoạch triển khai Phong trào xây dựng xã hội học tập trên địa bàn"
        + " phường Đông Sơn", "UBND phường Đông Sơn", null, 2024, 2030, "001_9056e23c8d86b2d3.txt");
    plans.addTarget(ds, LEARNING_COMMUNITY, "Phường (Cộng đồng học tập cấp xã)", "COMMUNE", null, null, 100.0, null,
        "được công nhận hằng năm", true);
    plans.addTarget(ds, LEARNING_COMMUNITY, "Khu phố", null, null, null, 100.0, null, "được công nhận hằng năm",
        true);
    plans.addTarget(ds, LEARNING_FAMILY, "Hộ gia đình", null, null, Set.of(FAMILY), null, null,
        "được công nhận hằng năm", true);
    plans.addTarget(ds, LEARNING_UNIT, "Doanh nghiệp, đơn vị trên địa bàn", "UNIT", null, null, 100.0, null,
        "được công nhận hằng năm", true);
    plans.addReportDue(ds, "Các khu phố và 3 trường học", "UBND phường Đông Sơn", null, 11, 30, 0, 7);

    long nb = plans.createPlan("NB-2025", "Kế hoạch xây dựng xã hội học tập ngành Giáo dục Ninh Bình giai đoạn"
        + " 2025–2030", "Sở Giáo dục và Đào tạo Ninh Bình", "NB", 2025, 2030, "002_7c168d0053929100.txt");
    plans.addTarget(nb, LEARNING_CITIZEN, "Cán bộ, giáo viên, nhân viên, học sinh, học viên (QĐ 324)", "UNIT",
        "EDUCATION", SECTOR, 97.0, null, "≥ 97 % hằng năm", true);
    plans.addTarget(nb, LEARNING_UNIT, "Các đơn vị trong ngành", "UNIT", "EDUCATION", null, null, null,
        "xây dựng và đánh giá hằng năm, không nêu tỉ lệ", true);

    long hcm = plans.createPlan("HCM-2024", "Kế hoạch xây dựng xã hội học tập năm 2024 của Sở GDĐT TP Hồ Chí Minh",
        "Sở Giáo dục và Đào tạo TP Hồ Chí Minh", null, 2024, 2024, "003_302057fe11659484.txt");
    plans.addTarget(hcm, LEARNING_CITIZEN, "Người dân", null, null, Set.of(RESIDENT), 35.0, 2024, null, true);
    plans.addTarget(hcm, LEARNING_COMMUNITY, "Quận, huyện (Cộng đồng học tập cấp huyện)", "DISTRICT", null, null,
        25.0, 2024, null, true);
    plans.addTarget(hcm, ASSESSMENT_ORGANISED, "Quận, huyện tổ chức đánh giá ĐVHT cấp huyện", null, null, null,
        100.0, 2024, null, true);
    plans.addTarget(hcm, LEARNING_FAMILY, "Gia đình", null, null, Set.of(FAMILY), 65.0, 2024, null, true);
    plans.addTarget(hcm, LEARNING_CLAN, "Dòng họ", null, null, Set.of(CLAN), 60.0, 2024, null, true);
    plans.addTarget(hcm, LEARNING_COMMUNITY, "Khu phố, ấp (Cộng đồng học tập cấp thôn)", null, null, null, 60.0,
        2024, null, true);
    plans.addTarget(hcm, LEARNING_UNIT, "Cơ quan, trường học, doanh nghiệp ở xã, phường", "UNIT", null, null, 70.0,
        2024, null, true);
    // not countable: the rounds do not record who lives in a learning family, clan or village, nor which units hold
    // "Đơn vị học tập" at the time of a round
    plans.addTarget(hcm, LEARNING_CITIZEN, "Người lớn trong GĐHT, DHHT, CĐHT", null, null, null, 35.0, 2024, null,
        true);
    plans.addTarget(hcm, LEARNING_CITIZEN, "Cán bộ, công chức, viên chức trong ĐVHT", null, null, null, 55.0, 2024,
        null, true);
    plans.addReportDue(hcm, "Phòng GDĐT quận, huyện", "Sở GDĐT TP Hồ Chí Minh", null, 1, 10, 1, 7);

    long tt = plans.createPlan("TT-2024", "Kế hoạch xây dựng xã hội học tập giai đoạn 2024–2030 của Phòng GDĐT"
        + " huyện Thanh Trì", "Phòng Giáo dục và Đào tạo huyện Thanh Trì", "HN-TT", 2024, 2030,
        "004_4c3ce99bc3fb572c.txt");
    for (int year : new int[] {2025, 2030}) {
      plans.addTarget(tt, LEARNING_CITIZEN, "Cán bộ, nhà giáo, nhân viên ngành giáo dục", "UNIT", "EDUCATION",
          SECTOR_STAFF, 100.0, year, null, true);
      plans.addTarget(tt, DIGITAL_SKILLS, "Người dân", null, null, null, year == 2025 ? 60.0 : 70.0, year, null,
          true);
      // not countable: a family's round entry does not say whether a member works in education
      plans.addTarget(tt, LEARNING_FAMILY, "Gia đình có cán bộ, nhà giáo ngành giáo dục", null, null, null, 100.0,
          year, null, true);
      plans.addTarget(tt, LEARNING_CLAN, "Dòng họ", null, null, Set.of(CLAN), year == 2025 ? 60.0 : 70.0, year,
          null, true);
      plans.addTarget(tt, LEARNING_UNIT, "Các đơn vị ngành giáo dục", "UNIT", "EDUCATION", null, 100.0, year, null,
          true);
    }
    plans.addReportDue(tt, "Các trường học", "Phòng GDĐT huyện Thanh Trì", null, 11, 25, 0, 7);
    plans.addReportDue(tt, "Phòng GDĐT huyện Thanh Trì", "Sở GDĐT Hà Nội", "HN-TT", 12, 1, 0, 7);
  }
}
