package vn.hoctap.dossier;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import vn.hoctap.common.EngineClock;
import vn.hoctap.engine.Actors;
import vn.hoctap.org.Groups;
import vn.hoctap.org.OrgUnitRepository;
import vn.hoctap.web.PersonNames;

/**
 * A dossier's history and holders in words (lịch sử hồ sơ bằng lời): each recorded event as a Vietnamese
 * sentence, people by their names rather than their logins, groups by the role and the body's name. An event
 * code no sentence knows yet still reads as a sentence, never as the code.
 */
@Component
public class DossierStory {

  static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

  /** One line of the history. */
  public record Line(String at, String who, String sentence, String step, String comment, String details) {}

  static final Map<String, String> SENTENCES = Map.ofEntries(
      Map.entry("CREATED", "đã lập hồ sơ"),
      Map.entry("OPENED", "đã mở hồ sơ"),
      Map.entry("SELF_ASSESSMENT_SAVED", "đã lưu số liệu tự đánh giá"),
      Map.entry("EVALUATED", "đã tính kết quả theo bộ tiêu chí"),
      Map.entry("SUBMITTED", "đã gửi hồ sơ lên cơ quan tiếp nhận"),
      Map.entry("SENT_BACK", "đã trả lại hồ sơ để làm lại"),
      Map.entry("WITHDRAWN", "đã rút hồ sơ"),
      Map.entry("RETURNED_FOR_SUPPLEMENT", "đã trả lại hồ sơ, yêu cầu bổ sung"),
      Map.entry("RETURNED", "đã trả lại hồ sơ"),
      Map.entry("RESUBMITTED", "đã nộp lại hồ sơ đã bổ sung"),
      Map.entry("ACCEPTED_COMPLETE", "đã tiếp nhận hồ sơ đầy đủ"),
      Map.entry("APPRAISED", "đã thẩm định, số liệu trùng với số liệu của đơn vị"),
      Map.entry("VALUES_CORRECTED", "đã thẩm định và điều chỉnh số liệu"),
      Map.entry("PROPOSED", "đã đề nghị công nhận"),
      Map.entry("APPRAISAL_NEGATIVE", "đã kết luận không đề nghị công nhận"),
      Map.entry("SIGNED", "đã đồng ý công nhận"),
      Map.entry("SIGNER_REFUSED", "đã quyết định không công nhận"),
      Map.entry("DECISION_RECORDED", "đã ban hành quyết định công nhận"),
      Map.entry("RECOGNISED", "đã công nhận"),
      Map.entry("REFUSED", "đã kết thúc hồ sơ: không công nhận"),
      Map.entry("RECOGNITION_REVOKED", "đã thu hồi quyết định công nhận"),
      Map.entry("MEETING_AGREED", "đã ghi kết quả cuộc họp: thống nhất kết quả tự đánh giá"),
      Map.entry("MEETING_DISAGREED", "đã ghi kết quả cuộc họp: chưa thống nhất, làm lại tự đánh giá"),
      Map.entry("EVIDENCE_UPLOADED", "đã tải lên minh chứng"),
      Map.entry("EVIDENCE_REMOVED", "đã xóa một tệp minh chứng chưa nộp"),
      Map.entry("EVIDENCE_REVIEWED", "đã đánh giá minh chứng"),
      Map.entry("DEADLINE_EXTENDED", "đã gia hạn"),
      Map.entry("REMINDER", "đã nhắc sắp đến hạn"),
      Map.entry("ESCALATED", "đã báo quá hạn lên cấp trên"),
      Map.entry("REROUTED", "đã chuyển hồ sơ theo sắp xếp đơn vị hành chính"),
      Map.entry("COUNCIL_ESTABLISHED", "đã thành lập Hội đồng đánh giá"),
      Map.entry("COUNCIL_OPINION", "đã gửi ý kiến bằng văn bản của thành viên Hội đồng"),
      Map.entry("COUNCIL_PASSED", "đã ghi kết luận của Hội đồng đánh giá: đạt"),
      Map.entry("COUNCIL_FAILED", "đã ghi kết luận của Hội đồng đánh giá: không đạt"),
      Map.entry("APPRAISAL_REPORT", "đã lập Báo cáo thẩm định, trình người có thẩm quyền"),
      Map.entry("COUNCIL_REFUSED", "đã ký văn bản trả lời, nêu rõ lý do không đạt"));

  static final Map<String, String> ROLES = Map.ofEntries(
      Map.entry("team", "Tổ đánh giá"), Map.entry("head", "Thủ trưởng"), Map.entry("reviewer", "Cán bộ thẩm định"),
      Map.entry("signer", "Người ký quyết định"), Map.entry("director", "Thủ trưởng cơ quan"),
      Map.entry("committee", "Cán bộ UBND"), Map.entry("chair", "Chủ tịch UBND"),
      Map.entry("branch", "Chi hội khuyến học"), Map.entry("council", "Hội đồng Thi đua - Khen thưởng"),
      Map.entry("secretary", "Thư ký"), Map.entry("viewer", "Người theo dõi"));

  private final PersonNames personNames;
  private final OrgUnitRepository orgs;

  DossierStory(PersonNames personNames, OrgUnitRepository orgs) {
    this.personNames = personNames;
    this.orgs = orgs;
  }

  /** A name lookup for one page: each login asked once. */
  public Names names() {
    return new Names();
  }

  public final class Names {
    private final Map<String, String> known = new HashMap<>();

    public String of(String login) {
      if (login == null || login.isBlank()) {
        return "";
      }
      if (Actors.SYSTEM.equals(login)) {
        return "Hệ thống";
      }
      return known.computeIfAbsent(login, l -> personNames.of(List.of(l)).getOrDefault(l, "Người dùng đã bị xoá"));
    }
  }

  /** "Tổ đánh giá — Trường Tiểu học Tam Hiệp" for team-HN-TT-TH01; a group outside the tree as "Một nhóm khác". */
  public String group(String group) {
    for (String role : Groups.ROLES) {
      if (group.startsWith(role + "-")) {
        String code = group.substring(role.length() + 1);
        String body = orgs.findByCode(code).map(o -> o.getName()).orElse(null);
        if (body != null) {
          return ROLES.getOrDefault(role, "Người được giao") + " — " + body;
        }
      }
    }
    return "Nhóm người dùng được giao";
  }

  public List<Line> history(List<DossierEvent> events, Names names) {
    return events.stream().map(e -> new Line(AT.format(ZonedDateTime.ofInstant(e.getOccurredAt(), EngineClock.ZONE)),
        names.of(e.getActor()), sentence(e.getAction()), e.getStep(), e.getComment(), e.getDetails())).toList();
  }

  static String sentence(String code) {
    return SENTENCES.getOrDefault(code, "đã cập nhật hồ sơ");
  }
}
