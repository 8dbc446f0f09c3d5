package vn.hoctap.bench;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vn.hoctap.common.EngineClock;
import vn.hoctap.criteria.CriteriaSet;
import vn.hoctap.criteria.CriteriaSetJson;
import vn.hoctap.criteria.Indicator;
import vn.hoctap.org.UnitKind;
import vn.hoctap.org.UnitProfile;
import vn.hoctap.procedure.AppraisalCouncils;
import vn.hoctap.process.RecognitionProcess;
import vn.hoctap.support.Fixtures;

/**
 * What the users submit at each step of the application's chain: the process tests' values
 * ({@link Fixtures#districtLevel1Met}), so a change of the forms changes both at once.
 */
final class LearningUnitForms {

  private LearningUnitForms() {}

  /**
   * The indicators of the district level-1 set that apply to the benchmark's schools (public primary schools): each
   * gets one evidence file before the self-assessment, as TT24 Điều 9 khoản 3 requires for the appraisal to pass.
   */
  static final List<String> EVIDENCE_CODES = evidenceCodes();

  private static List<String> evidenceCodes() {
    CriteriaSet set = new CriteriaSetJson().readBundled().stream().filter(s -> s.code().equals("tt24-district-l1"))
        .findFirst().orElseThrow();
    UnitProfile school = new UnitProfile(UnitKind.PRIMARY, true);
    return set.indicators().stream().filter(i -> i.appliesTo(school)).map(Indicator::code).toList();
  }

  /** The team's evidence uploads through the application's service, for the chains driven through the engine. */
  static void uploadEvidence(AppHost app, Province.Unit u, String dossierId) {
    vn.hoctap.dossier.EvidenceService evidence = app.bean(vn.hoctap.dossier.EvidenceService.class);
    vn.hoctap.security.CurrentUser team = new vn.hoctap.security.CurrentUser(u.team(), List.of(u.teamGroup()));
    for (String code : EVIDENCE_CODES) {
      byte[] pdf = evidence(dossierId, code);
      try {
        evidence.upload(Long.valueOf(dossierId), code, code + ".pdf", new java.io.ByteArrayInputStream(pdf),
            pdf.length, null, team);
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
  }

  /** A small PDF, different for each dossier and indicator (the same file twice in a dossier is refused). */
  static byte[] evidence(String dossierId, String code) {
    return ("%PDF-1.4\n% minh chứng hồ sơ " + dossierId + " chỉ tiêu " + code + "\n%%EOF\n")
        .getBytes(StandardCharsets.UTF_8);
  }

  static Map<String, Object> start(String unitCode) {
    Map<String, Object> v = new HashMap<>();
    v.put("unitCode", unitCode);
    v.put("level", 1);
    v.put("assessmentYear", 2026);
    return v;
  }

  /**
   * The form the step's user submits for the unit's dossier. The council is the district's five people
   * ({@link Province.District#council}): the Trưởng phòng sets it up to meet, chairing it; its secretary records a
   * meeting held today, everyone present, five votes "đạt", conclusion "đạt" (as {@link Fixtures#councilPasses}).
   */
  static Map<String, Object> form(ChainDriver.Step step, Province.Unit unit) {
    Province.District d = unit.district();
    return switch (step) {
      case SELF_ASSESSMENT -> Fixtures.districtLevel1Met();
      case HEAD_REVIEW -> Map.of("headDecision", "SUBMIT", "headComment", "Tờ trình số 7/TTr");
      case CHECK_COMPLETENESS -> Map.of("completeness", "COMPLETE");
      case APPRAISE -> {
        Map<String, Object> v = Fixtures.districtLevel1Met();
        v.put("appraisalRecommendation", "RECOGNISE");
        yield v;
      }
      case SET_UP_COUNCIL -> Map.of(RecognitionProcess.VAR_COUNCIL_MODE, AppraisalCouncils.MEETING,
          RecognitionProcess.FIELD_COUNCIL_CHAIR, d.director(), RecognitionProcess.FIELD_COUNCIL_SECRETARY,
          d.secretary(), RecognitionProcess.FIELD_COUNCIL_MEMBERS, String.join("\n", d.councilMembers()));
      case COUNCIL_MINUTES -> Map.of(RecognitionProcess.FIELD_COUNCIL_DATE, new EngineClock().today().toString(),
          RecognitionProcess.FIELD_PRESENT, String.join("\n", d.council()),
          RecognitionProcess.FIELD_VOTES_FOR, (long) d.council().size(), RecognitionProcess.FIELD_VOTES_AGAINST, 0L,
          RecognitionProcess.FIELD_COUNCIL_CONCLUSION, AppraisalCouncils.PASS,
          RecognitionProcess.FIELD_COUNCIL_MINUTES, "Hội đồng thống nhất hồ sơ đạt.");
      case DECIDE -> Map.of("signerDecision", "APPROVE");
    };
  }
}
