package vn.hoctap.community;

import java.time.LocalDate;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.hoctap.common.Dates;
import vn.hoctap.common.DomainException;
import vn.hoctap.common.EngineClock;
import vn.hoctap.dossier.Dossier;
import vn.hoctap.dossier.DossierService;
import vn.hoctap.dossier.EvidenceInfo;
import vn.hoctap.dossier.EvidenceService;
import vn.hoctap.dossier.Title;
import vn.hoctap.org.OrgKind;
import vn.hoctap.org.OrgUnit;
import vn.hoctap.procedure.DossierWorkflow;
import vn.hoctap.procedure.TitleProcedure;

/**
 * "Cộng đồng học tập" (TT 25/2023/TT-BGDĐT): the People's Committee of a commune, district or province applies;
 * a meeting must agree its self-assessment before the dossier goes to the next tier up.
 */
@Service
public class LearningCommunityService implements TitleProcedure {

  static final Set<OrgKind> APPLICANTS = Set.of(OrgKind.COMMUNE, OrgKind.DISTRICT, OrgKind.PROVINCE);

  private final DossierWorkflow workflow;
  private final DossierService dossiers;
  private final EvidenceService evidence;
  private final DossierMeetingRepository meetings;
  private final EngineClock clock;

  LearningCommunityService(DossierWorkflow workflow, DossierService dossiers, EvidenceService evidence,
      DossierMeetingRepository meetings, EngineClock clock) {
    this.workflow = workflow;
    this.dossiers = dossiers;
    this.evidence = evidence;
    this.meetings = meetings;
    this.clock = clock;
  }

  @Override
  public Title title() {
    return Title.LEARNING_COMMUNITY;
  }

  @Override
  public String whyNotApplicant(OrgUnit org) {
    return APPLICANTS.contains(org.getKind()) ? null : "Chỉ UBND xã / phường, huyện hoặc tỉnh lập hồ sơ Cộng đồng"
        + " học tập; \"" + org.getName() + "\" là " + org.getKind().label().toLowerCase() + ".";
  }

  /** Why a meeting held on that day cannot be recorded yet (the day is still to come), or null. */
  public String whyNotHeldOn(LocalDate heldOn) {
    return heldOn.isAfter(clock.today()) ? "Ngày họp " + Dates.vn(heldOn) + " chưa đến: hãy nhập ngày cuộc họp đã"
        + " diễn ra (ngày/tháng/năm)." : null;
  }

  /** Why the minutes cannot be that file (it is not among the dossier's evidence), or null. */
  public String whyNotMinutes(Long dossierId, String minutesFile) {
    return evidence.list(dossierId).stream().anyMatch(e -> e.getFileName().equals(minutesFile)) ? null
        : "Chưa thấy tệp biên bản \"" + minutesFile + "\" trong minh chứng của hồ sơ số " + dossierId + ". Hãy tải"
            + " biên bản họp lên ở mục «Minh chứng» của hồ sơ trước, rồi chọn (hoặc ghi đúng tên) tệp đó.";
  }

  /**
   * Records the meeting that agrees (or does not agree) the self-assessment. Its minutes must already be among
   * the dossier's evidence; an agreement also needs the dossier to be submittable.
   */
  @Transactional
  public DossierMeeting recordMeeting(Long dossierId, LocalDate heldOn, String attendees, String minutesFile,
      boolean agreed, String comment, String actor) {
    Dossier d = dossiers.lock(dossierId);
    if (whyNotHeldOn(heldOn) != null) {
      throw DomainException.badInput(whyNotHeldOn(heldOn));
    }
    EvidenceInfo minutes = evidence.list(dossierId).stream().filter(e -> e.getFileName().equals(minutesFile))
        .reduce((a, b) -> b).orElseThrow(() -> DomainException.badInput(whyNotMinutes(dossierId, minutesFile)));
    if (agreed) {
      workflow.checkSubmission(dossierId);
    } else if (comment == null) {
      throw DomainException.badInput("Cần ghi lý do cuộc họp chưa thống nhất kết quả tự đánh giá.");
    }
    DossierMeeting m = meetings.save(new DossierMeeting(d.getId(), heldOn, attendees, agreed, minutes.getId(), comment,
        actor, clock.now()));
    dossiers.record(dossierId, actor, agreed ? "MEETING_AGREED" : "MEETING_DISAGREED",
        "Họp thống nhất kết quả tự đánh giá", comment, "Họp ngày " + Dates.vn(heldOn) + "; thành phần: " + attendees
            + "; biên bản: " + minutes.getFileName());
    return m;
  }
}
