package vn.hoctap.community;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static vn.hoctap.process.LearningCommunityProcess.*;
import static vn.hoctap.support.Fixtures.with;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.hoctap.common.EngineClock;
import vn.hoctap.dossier.DossierEvent;
import vn.hoctap.dossier.DossierService;
import vn.hoctap.dossier.EvidenceService;
import vn.hoctap.org.Groups;
import vn.hoctap.security.CurrentUser;
import vn.hoctap.support.Fixtures;
import vn.hoctap.support.Fixtures.TestUnit;
import vn.hoctap.support.HoctapTest;

/**
 * TT25 Điều 19 K2 e on the real engine: the Minister decides a province's "Cộng đồng học tập" within 20 working
 * days of the complete, valid dossier. The appraisal's decision timers count those days on the working-day
 * calendar from the day the complete dossier was received (here a supplement received on 16/02/2026, during the Tết
 * Bính Ngọ break whose weekdays 16–20/02/2026 are holidays), and the escalation fires when the timer's job runs.
 * Since V60 the calendar holds the five Tết days (16/02 and 20/02 were added to 17–19/02): each count below that
 * crosses them ends two working days later (from 12/02) or one (from 16/02, itself a holiday and the start)
 * than before; nothing else changed.
 */
@HoctapTest
class MinisterWorkingDaysProcessTest {

  static final byte[] PDF = "%PDF-1.4\n%%EOF\n".getBytes();

  @Autowired ProcessEngine engine;
  @Autowired ManagementService management;
  @Autowired Fixtures fx;
  @Autowired DossierService dossiers;
  @Autowired EvidenceService evidence;

  @BeforeEach
  void init() {
    BpmnAwareTests.init(engine);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  static void setClock(LocalDate day) {
    ClockUtil.setCurrentTime(Date.from(day.atTime(9, 0).atZone(EngineClock.ZONE).toInstant()));
  }

  static Date startOf(LocalDate day) {
    return Date.from(day.atStartOfDay(EngineClock.ZONE).toInstant());
  }

  Job timer(ProcessInstance pi, String activityId) {
    return management.createJobQuery().processInstanceId(fx.appraisal(pi).getId()).activityId(activityId).timers()
        .singleResult();
  }

  @Test
  void tt25Dieu19K2e_theMinistersTwentyWorkingDaysCountFromTheCompleteDossierAcrossTetAndEscalate()
      throws Exception {
    TestUnit province = fx.newProvinceUnderTheTexts();
    setClock(LocalDate.of(2026, 2, 10));
    ProcessInstance pi = fx.open(KEY, province.team(), province.code(), 1, 2025);
    Long id = Long.valueOf(pi.getBusinessKey());
    fx.complete(province.team(), pi, TASK_SELF_ASSESSMENT, Fixtures.provinceCommunityMet());
    evidence.upload(id, null, "bien-ban-hop.pdf", new ByteArrayInputStream(PDF), PDF.length,
        "Biên bản họp thống nhất kết quả tự đánh giá",
        new CurrentUser(province.team(), List.of(Groups.committee(province.code()))));

    // Thursday 12/02/2026: the dossier reaches the Ministry (TT25 Điều 19 K1 d: before 31/07/2026)
    setClock(LocalDate.of(2026, 2, 12));
    fx.complete(province.head(), pi, TASK_MEETING, Map.of(FIELD_MEETING_DATE, "2026-02-11", FIELD_ATTENDEES,
        "Chủ tịch UBND tỉnh, đại diện Hội Khuyến học tỉnh, Ủy ban MTTQ tỉnh", FIELD_MINUTES_FILE, "bien-ban-hop.pdf",
        VAR_MEETING_OUTCOME, AGREE));
    assertThat(fx.appraisal(pi)).isWaitingAt(TASK_CHECK_COMPLETENESS);
    // not yet complete: dated provisionally, as if complete on arrival — 20 working days after 12/02 skipping
    // the five Tết days 16–20/02 is Thursday 19/03/2026 (Tuesday 17/03 when only mùng 1–3 were in the calendar)
    assertThat(timer(pi, TIMER_DECISION_OVERDUE).getDuedate()).isEqualTo(startOf(LocalDate.of(2026, 3, 20)));

    setClock(LocalDate.of(2026, 2, 13));
    fx.complete("bogd", pi, TASK_CHECK_COMPLETENESS, Map.of(FIELD_COMPLETENESS, INCOMPLETE,
        FIELD_COMPLETENESS_COMMENT, "Thiếu số liệu GRDP năm trước có xác nhận của Cục Thống kê"));
    // Monday 16/02/2026 (29 tháng Chạp, a Tết holiday since V60): the supplement arrives; the Ministry confirms it
    // complete on Friday 20/02/2026 (mùng 4, likewise) — work done on a holiday is still recorded on its day
    setClock(LocalDate.of(2026, 2, 16));
    fx.complete(province.team(), pi, TASK_SUPPLEMENT, with(Fixtures.provinceCommunityMet(), FIELD_ASSESSMENT_COMMENT,
        "Đã bổ sung số liệu GRDP"));
    setClock(LocalDate.of(2026, 2, 20));
    fx.complete("bogd", pi, TASK_CHECK_COMPLETENESS, Map.of(FIELD_COMPLETENESS, COMPLETE));

    assertThat(dossiers.get(id).getCompleteReceivedOn()).isEqualTo(LocalDate.of(2026, 2, 16));
    // 20 working days from Monday 16/02/2026 (16–20/02 are Tết, so the count starts on Monday 23/02): Friday
    // 20/03/2026 (Thursday 19/03 when 20/02 was a working day), not 16/03
    Job overdue = timer(pi, TIMER_DECISION_OVERDUE);
    assertThat(overdue.getDuedate()).isEqualTo(startOf(LocalDate.of(2026, 3, 21)));
    assertThat(timer(pi, TIMER_DECISION_REMINDER).getDuedate()).isEqualTo(Date.from(
        LocalDate.of(2026, 3, 15).atTime(8, 0).atZone(EngineClock.ZONE).toInstant()));
    assertThat(dossiers.history(id)).filteredOn(e -> e.getAction().equals("ACCEPTED_COMPLETE"))
        .extracting(DossierEvent::getDetails).containsExactly("Hạn ra quyết định công nhận 20/03/2026 (20 ngày làm"
            + " việc kể từ ngày nhận đủ hồ sơ hợp lệ 16/02/2026)");

    setClock(LocalDate.of(2026, 3, 21));
    management.executeJob(overdue.getId());
    assertThat(dossiers.history(id)).filteredOn(e -> e.getAction().equals("ESCALATED"))
        .extracting(DossierEvent::getDetails).singleElement().asString()
        .startsWith("Hạn ra quyết định công nhận 20/03/2026 (20 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ"
            + " 16/02/2026) đã qua");
    assertThat(fx.appraisal(pi)).isWaitingAt(TASK_APPRAISE);
  }
}
