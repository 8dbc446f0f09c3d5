package vn.hoctap.admin;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.hoctap.admin.AuditLog.Target;
import vn.hoctap.common.DomainException;
import vn.hoctap.common.EngineClock;
import vn.hoctap.dossier.Title;
import vn.hoctap.org.OrgUnit;
import vn.hoctap.org.OrgUnitRepository;

/**
 * A recognition survives a merger attached to the legal entity that received it (recognition.unit_id never changes,
 * nor does its 3-year retention). Whether the title passes to the unit formed by the merger is not settled by any
 * text (LEGAL-TEXTS.md §4.3: chờ xác nhận văn bản), so it passes only when an administrator maps it, explicitly and
 * with the document it rests on, to a successor of the same tier; from then on the successor's eligibility and
 * dashboards count it (RecognitionService.HELD). The mapping can be removed again. Both acts are audited.
 */
@Service
public class RecognitionMappings {

  /** A recognition as the unit page lists it: received by the unit, or mapped to it from a dissolved unit. */
  public record Held(long id, String title, int level, int assessmentYear, String decisionNo, LocalDate decisionDate,
      LocalDate validUntil, String holderCode, String holderName, boolean holderDissolved, String successorCode,
      String successorName, String basis, String mappedBy) {
    public boolean mapped() {
      return successorCode != null;
    }
  }

  private static final String HELD = "select r.id, r.title, r.level, r.assessment_year, r.decision_no,"
      + " r.decision_date, r.valid_until, u.code, u.name, u.dissolved_at, s.code, s.name, m.basis, m.mapped_by"
      + " from recognition r join org_unit u on u.id = r.unit_id left join recognition_mapping m"
      + " on m.recognition_id = r.id left join org_unit s on s.id = m.successor_id ";

  private static final RowMapper<Held> ROW = (rs, i) -> new Held(rs.getLong(1),
      Title.valueOf(rs.getString(2)).label(), rs.getInt(3), rs.getInt(4), rs.getString(5),
      rs.getDate(6).toLocalDate(), rs.getDate(7).toLocalDate(), rs.getString(8), rs.getString(9),
      rs.getTimestamp(10) != null, rs.getString(11), rs.getString(12), rs.getString(13), rs.getString(14));

  private final JdbcTemplate jdbc;
  private final OrgUnitRepository orgs;
  private final AuditLog audit;
  private final EngineClock clock;

  RecognitionMappings(JdbcTemplate jdbc, OrgUnitRepository orgs, AuditLog audit, EngineClock clock) {
    this.jdbc = jdbc;
    this.orgs = orgs;
    this.audit = audit;
    this.clock = clock;
  }

  /** The recognitions the unit received, with their mapping if any, then those mapped to it from elsewhere. */
  @Transactional(readOnly = true)
  public List<Held> ofUnit(OrgUnit unit) {
    return jdbc.query(HELD + "where r.unit_id = ? or m.successor_id = ?"
        + " order by case when r.unit_id = ? then 0 else 1 end, r.decision_date desc, r.id desc",
        ROW, unit.getId(), unit.getId(), unit.getId());
  }

  /** The code of the unit a dissolved unit was merged into (the suggested successor of its recognitions), or null. */
  @Transactional(readOnly = true)
  public String successorCodeOf(OrgUnit unit) {
    return jdbc.queryForList("select s.code from org_unit u join org_unit s on s.id = u.successor_id where u.id = ?",
        String.class, unit.getId()).stream().findFirst().orElse(null);
  }

  /**
   * Maps a recognition of a dissolved unit to a successor of the same tier that still exists. A recognition has at
   * most one successor; to change it, remove the mapping first.
   */
  @Transactional
  public Map<String, Object> map(String actor, Long recognitionId, String successorCode, String basis) {
    Held r = held(recognitionId);
    String code = successorCode == null ? "" : successorCode.strip();
    if (code.isEmpty()) {
      throw DomainException.badInputOf("Chưa ánh xạ được.", List.of(new DomainException.Problem("successorCode",
          "Nhập mã đơn vị tiếp nhận quyết định công nhận.")));
    }
    String why = basis == null || basis.isBlank() ? null : basis.strip();
    if (why != null && why.length() > 500) {
      throw DomainException.badInput("Căn cứ dài quá 500 ký tự.");
    }
    OrgUnit holder = orgs.findByCode(r.holderCode()).orElseThrow();
    if (!holder.isDissolved()) {
      throw DomainException.rule("\"" + holder.getName() + "\" chưa giải thể: quyết định công nhận thuộc về đơn vị"
          + " này; chỉ ánh xạ quyết định của đơn vị đã giải thể khi sắp xếp đơn vị hành chính.");
    }
    if (r.mapped()) {
      throw DomainException.conflict("Quyết định số " + r.decisionNo() + " đã được ánh xạ sang \""
          + r.successorName() + "\" (" + r.successorCode() + "); bỏ ánh xạ đó trước nếu cần đổi.");
    }
    OrgUnit successor = orgs.findByCode(code).orElseThrow(() -> DomainException.notFound(
        "Không tìm thấy đơn vị có mã \"" + code + "\"."));
    if (successor.isDissolved()) {
      throw DomainException.rule("\"" + successor.getName() + "\" đã giải thể; chọn đơn vị đang tồn tại.");
    }
    if (successor.getKind() != holder.getKind()) {
      throw DomainException.rule("Quyết định công nhận " + r.title() + " cấp " + holder.getKind().label()
          .toLowerCase() + " chỉ ánh xạ sang đơn vị cùng cấp; \"" + successor.getName() + "\" là "
          + successor.kindLabel().toLowerCase() + ".");
    }
    jdbc.update("insert into recognition_mapping (recognition_id, successor_id, basis, mapped_by, mapped_at)"
        + " values (?, ?, ?, ?, ?)", recognitionId, successor.getId(), why, actor, Timestamp.from(clock.now()));
    Map<String, Object> after = view(held(recognitionId));
    audit.record(actor, "RECOGNITION_MAPPED", Target.RECOGNITION, String.valueOf(recognitionId), view(r), after);
    return after;
  }

  @Transactional
  public Map<String, Object> unmap(String actor, Long recognitionId) {
    Held r = held(recognitionId);
    if (!r.mapped()) {
      throw DomainException.notFound("Quyết định số " + r.decisionNo() + " chưa được ánh xạ sang đơn vị nào.");
    }
    jdbc.update("delete from recognition_mapping where recognition_id = ?", recognitionId);
    Map<String, Object> after = view(held(recognitionId));
    audit.record(actor, "RECOGNITION_UNMAPPED", Target.RECOGNITION, String.valueOf(recognitionId), view(r), after);
    return after;
  }

  private Held held(Long recognitionId) {
    if (recognitionId == null) {
      throw DomainException.badInput("Thiếu số quyết định công nhận (recognitionId).");
    }
    return jdbc.query(HELD + "where r.id = ?", ROW, recognitionId).stream().findFirst().orElseThrow(
        () -> DomainException.notFound(
            "Không tìm thấy quyết định công nhận số " + recognitionId + "."));
  }

  private static Map<String, Object> view(Held r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("recognitionId", r.id());
    m.put("title", r.title());
    m.put("level", r.level());
    m.put("assessmentYear", r.assessmentYear());
    m.put("decisionNo", r.decisionNo());
    m.put("validUntil", r.validUntil().toString());
    m.put("holderCode", r.holderCode());
    m.put("holderName", r.holderName());
    m.put("successorCode", r.successorCode());
    m.put("successorName", r.successorName());
    m.put("basis", r.basis());
    m.put("confirmedByText", false);
    return m;
  }
}
