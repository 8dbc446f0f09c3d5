package vn.hoctap.citizen;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.hoctap.citizen.EntryRules.FieldError;
import vn.hoctap.citizen.EntryRules.Parsed;
import vn.hoctap.common.Dates;
import vn.hoctap.common.DomainException;
import vn.hoctap.common.EngineClock;
import vn.hoctap.org.OrgUnit;
import vn.hoctap.org.OrgUnitRepository;
import vn.hoctap.org.PathPrefix;
import vn.hoctap.recognition.NotificationService;
import vn.hoctap.recognition.RecognitionService;

/**
 * Assessment rounds (đợt đánh giá) and their entries: the round's life (open, review with named returns,
 * decision or refusal), one entry entered or corrected at a time, and the figures other titles read (the share of
 * a unit's members recognised as "Công dân học tập"). Bulk import is {@link RoundImport}. Entries are rows of
 * round_entry, handled with plain SQL so that a round of a million people stays cheap.
 */
@Service
public class RoundService {

  static final String ROUND_SQL = "select r.*, o.code org_code, o.name org_name, o.path org_path,"
      + " d.code decider_code, d.path decider_path from assessment_round r join org_unit o on o.id = r.org_id"
      + " join org_unit d on d.id = r.decider_org_id";

  /**
   * The counts of a decided round per subject (table round_tally), read by the dashboard's targets: written with the
   * decision; exact for good, since a decided round's entries never change (V31__round_tally.sql).
   */
  static final String TALLY = "insert into round_tally (round_id, subject, entries, recognised)"
      + " select e.round_id, e.subject, count(*), sum(case when e.recognised then 1 else 0 end) from round_entry e";
  static final String TALLY_GROUP = " group by e.round_id, e.subject";

  /** A share of a unit's members (or learners) recognised, from one recognised round. */
  public record Ratio(long roundId, int assessmentYear, String decisionNo, LocalDate decisionDate, long recognised,
      long total) {

    public String describe(String who) {
      return "Theo đợt đánh giá Công dân học tập số " + roundId + " năm " + assessmentYear + " (quyết định "
          + decisionNo + " ngày " + Dates.vn(decisionDate) + "): " + recognised + "/" + total + " " + who
          + " được công nhận. Chi tiết: trang Đợt đánh giá, đợt số " + roundId + ".";
    }
  }

  /** Counts of a round, for forms and the API. */
  public record Counts(long entries, long passed, long failed, long returned, long recognised,
      Map<Subject, Long> bySubject) {}

  private final JdbcTemplate jdbc;
  private final OrgUnitRepository orgs;
  private final RoundCriteria criteria;
  private final RecognitionService recognitions;
  private final NotificationService notifications;
  private final EngineClock clock;
  private final org.springframework.context.ApplicationEventPublisher events;

  /** Published in the decider's transaction when a round is recognised: its decision is issued and signed then. */
  public record Recognised(long roundId) {}

  RoundService(JdbcTemplate jdbc, OrgUnitRepository orgs, RoundCriteria criteria, RecognitionService recognitions,
      NotificationService notifications, EngineClock clock,
      org.springframework.context.ApplicationEventPublisher events) {
    this.events = events;
    this.jdbc = jdbc;
    this.orgs = orgs;
    this.criteria = criteria;
    this.recognitions = recognitions;
    this.notifications = notifications;
    this.clock = clock;
  }

  public OrgUnit org(String code) {
    return orgs.findByCode(code).orElseThrow(() -> DomainException.notFound("Không có đơn vị mã \"" + code + "\"."));
  }

  public RoundRoute route(Round r) {
    return RoundRoute.of(r.kind(), orgs.findById(r.orgId()).orElseThrow());
  }

  /** Opens a round: one open round per body, kind and year. */
  @Transactional
  public Round open(RoundKind kind, String orgCode, int year, String actor) {
    OrgUnit org = org(orgCode);
    RoundRoute route = RoundRoute.of(kind, org);
    int thisYear = clock.today().getYear();
    if (year < 2023 || year > thisYear) {
      throw DomainException.badInput("Năm đánh giá phải từ 2023 đến " + thisYear + ", đang là " + year + ".");
    }
    Timestamp now = Timestamp.from(clock.now());
    try {
      jdbc.update("insert into assessment_round (kind, org_id, assessment_year, status, decider_org_id,"
          + " decider_title, open_key, created_by, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
          kind.name(), org.getId(), year, RoundStatus.PREPARING.name(), route.deciderOrg().getId(),
          route.deciderTitle(), openKey(kind, org.getId(), year), actor, now, now);
    } catch (DuplicateKeyException e) {
      throw DomainException.conflict(org.getName() + " đã có đợt đánh giá " + kind.label() + " năm " + year
          + " đang mở. Mỗi đơn vị chỉ mở một đợt cho mỗi loại và năm.");
    }
    long id = Objects.requireNonNull(jdbc.queryForObject("select id from assessment_round where open_key = ?",
        Long.class, openKey(kind, org.getId(), year)));
    record(id, actor, "OPENED", "Mở đợt đánh giá", null, kind.label() + " năm " + year + ", " + org.getName());
    return get(id);
  }

  static String openKey(RoundKind kind, long orgId, int year) {
    return kind.name() + ":" + orgId + ":" + year;
  }

  @Transactional
  public void attachProcess(long id, String processInstanceId) {
    jdbc.update("update assessment_round set process_instance_id = ? where id = ?", processInstanceId, id);
  }

  @Transactional(readOnly = true)
  public Round get(long id) {
    List<Round> r = jdbc.query(ROUND_SQL + " where r.id = ?", ROUND, id);
    if (r.isEmpty()) {
      throw DomainException.notFound("Không tìm thấy đợt đánh giá số " + id + ".");
    }
    return r.get(0);
  }

  /** The round, locked until the transaction ends: imports, corrections and steps on one round are serialised. */
  @Transactional
  public Round lock(long id) {
    List<Long> locked = jdbc.queryForList("select id from assessment_round where id = ? for update", Long.class, id);
    if (locked.isEmpty()) {
      throw DomainException.notFound("Không tìm thấy đợt đánh giá số " + id + ".");
    }
    return get(id);
  }

  /** Rounds under the given path prefixes (a user's jurisdiction; null for everything), newest first. */
  @Transactional(readOnly = true)
  public List<Round> list(List<String> pathPrefixes, Integer year, int limit) {
    StringBuilder sql = new StringBuilder(ROUND_SQL).append(" where 1 = 1");
    List<Object> args = new ArrayList<>();
    if (pathPrefixes != null) {
      if (pathPrefixes.isEmpty()) {
        return List.of();
      }
      sql.append(" and (");
      for (int i = 0; i < pathPrefixes.size(); i++) {
        sql.append(i == 0 ? "" : " or ").append(PathPrefix.like("o.path")).append(" or d.path = ?");
        args.add(PathPrefix.pattern(pathPrefixes.get(i)));
        args.add(pathPrefixes.get(i));
      }
      sql.append(')');
    }
    if (year != null) {
      sql.append(" and r.assessment_year = ?");
      args.add(year);
    }
    sql.append(" order by r.id desc limit ").append(limit);
    return jdbc.query(sql.toString(), ROUND, args.toArray());
  }

  @Transactional
  public void moveTo(long id, RoundStatus status) {
    Timestamp now = Timestamp.from(clock.now());
    if (status.closed()) {
      jdbc.update("update assessment_round set status = ?, updated_at = ?, closed_at = ?, open_key = null,"
          + " row_version = row_version + 1 where id = ?", status.name(), now, now, id);
    } else {
      jdbc.update("update assessment_round set status = ?, updated_at = ?, row_version = row_version + 1"
          + " where id = ?", status.name(), now, id);
    }
  }

  @Transactional
  public void record(long roundId, String actor, String action, String step, String comment, String details) {
    jdbc.update("insert into round_event (round_id, occurred_at, actor, action, step, comment, details)"
        + " values (?, ?, ?, ?, ?, ?, ?)", roundId, Timestamp.from(clock.now()), actor, action, step,
        blankToNull(comment), details == null ? null : truncate(details, 20000));
  }

  @Transactional(readOnly = true)
  public List<Map<String, Object>> history(long roundId) {
    return jdbc.queryForList("select occurred_at, actor, action, step, comment, details from round_event"
        + " where round_id = ? order by id", roundId);
  }

  @Transactional(readOnly = true)
  public Counts counts(long roundId) {
    Map<Subject, Long> bySubject = new LinkedHashMap<>();
    long[] c = new long[4];
    jdbc.query("select subject, count(*) n, sum(case when passed then 1 else 0 end) p,"
        + " sum(case when return_reason is not null then 1 else 0 end) ret,"
        + " sum(case when recognised then 1 else 0 end) rec from round_entry where round_id = ? group by subject"
        + " order by subject", rs -> {
          long n = rs.getLong("n");
          bySubject.put(Subject.valueOf(rs.getString("subject")), n);
          c[0] += n;
          c[1] += rs.getLong("p");
          c[2] += rs.getLong("ret");
          c[3] += rs.getLong("rec");
        }, roundId);
    return new Counts(c[0], c[1], c[0] - c[1], c[2], c[3], bySubject);
  }

  /** A page of entries, optionally only passed / failed / returned ones, in identity order. */
  @Transactional(readOnly = true)
  public List<RoundEntry> entries(long roundId, String filter, int offset, int limit) {
    return entries(roundId, filter, null, offset, limit);
  }

  /**
   * A page of entries as {@link #entries(long, String, int, int)}, also narrowed by a search: digits match the
   * start of the identity number (or a village's code), other text any part of the name, ignoring case.
   */
  @Transactional(readOnly = true)
  public List<RoundEntry> entries(long roundId, String filter, String search, int offset, int limit) {
    List<Object> args = new ArrayList<>(List.of(roundId));
    String where = where(filter, search, args);
    args.add(limit);
    args.add(offset);
    return jdbc.query("select * from round_entry where round_id = ?" + where
        + " order by identity_no limit ? offset ?", entryMapper(), args.toArray());
  }

  /** How many entries the same filter and search find (for paging). */
  @Transactional(readOnly = true)
  public long countEntries(long roundId, String filter, String search) {
    List<Object> args = new ArrayList<>(List.of(roundId));
    String where = where(filter, search, args);
    return Objects.requireNonNull(jdbc.queryForObject("select count(*) from round_entry where round_id = ?" + where,
        Long.class, args.toArray()));
  }

  private static String where(String filter, String search, List<Object> args) {
    String where = switch (filter == null ? "" : filter) {
      case "passed" -> " and passed = true";
      case "failed" -> " and passed = false";
      case "returned" -> " and return_reason is not null";
      case "recognised" -> " and recognised = true";
      default -> "";
    };
    String q = blankToNull(search);
    if (q != null) {
      String escaped = q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
      if (q.matches("[0-9A-Za-z-]+") && q.chars().anyMatch(Character::isDigit)) {
        where += " and identity_no like ? escape '\\'";
        args.add(escaped + "%");
      } else {
        where += " and lower(full_name) like ? escape '\\'";
        args.add("%" + escaped.toLowerCase(java.util.Locale.ROOT) + "%");
      }
    }
    return where;
  }

  /**
   * The round in words for the step forms (the Tasklist shows it as it was when the step opened; hoctap's round page
   * reads it afresh): which round, where it stands, who decides, how many entries and how many passed.
   */
  @Transactional(readOnly = true)
  public String stepSummary(long roundId) {
    Round r = get(roundId);
    Counts c = counts(roundId);
    StringBuilder sb = new StringBuilder();
    sb.append("Đợt đánh giá số ").append(r.id()).append(": ").append(r.describe()).append('\n')
        .append("Trạng thái: ").append(r.status().label()).append('\n')
        .append("Người quyết định công nhận: ").append(r.deciderTitle()).append('\n')
        .append("Số mục: ").append(c.entries()).append(" — đạt ").append(c.passed()).append(", không đạt ")
        .append(c.failed());
    if (c.returned() > 0) {
      sb.append(", bị trả lại ").append(c.returned());
    }
    c.bySubject().forEach((s, n) -> sb.append("\n• ").append(s.label()).append(": ").append(n));
    return sb.toString();
  }

  /** The entries returned and not yet corrected, one a line with the reason (the first 200). */
  @Transactional(readOnly = true)
  public String returnedText(long roundId) {
    StringBuilder sb = new StringBuilder();
    for (RoundEntry e : entries(roundId, "returned", 0, 200)) {
      sb.append(e.identityNo()).append(" (").append(e.fullName()).append("): ").append(e.returnReason()).append('\n');
    }
    return sb.toString().strip();
  }

  @Transactional(readOnly = true)
  public Optional<RoundEntry> entry(long roundId, String identityNo) {
    return jdbc.query("select * from round_entry where round_id = ? and identity_no = ?", entryMapper(), roundId,
        identityNo).stream().findFirst();
  }

  /**
   * Enters or corrects one entry (the entry form). While the round is being prepared any entry may be entered or
   * corrected; once the council has returned entries, only those, and each correction clears its return.
   */
  @Transactional
  public RoundEntry saveEntry(long roundId, Subject subject, String identityNo, String fullName, String birthYear,
      Map<String, String> scores, String judgement, String actor) {
    Round r = lock(roundId);
    route(r).requireSubject(subject);
    RoundCriteria.Stored sheet = criteria.current(subject);
    Optional<RoundEntry> existing = entry(roundId, identityNo == null ? "" : identityNo.strip());
    if (r.status() == RoundStatus.RETURNED) {
      if (existing.isEmpty() || existing.get().returnReason() == null) {
        throw DomainException.rule("Đợt đánh giá đang được trả lại để sửa các mục hội đồng nêu tên; chỉ sửa được"
            + " các mục đó (" + returnedIdentities(roundId) + ").");
      }
    } else if (r.status() != RoundStatus.PREPARING) {
      throw DomainException.rule("Đợt đánh giá đang ở bước \"" + r.status().label() + "\": không sửa danh sách được.");
    }
    if (existing.isPresent() && existing.get().subject() != subject) {
      throw DomainException.conflict("Số định danh " + identityNo + " đã có trong đợt, thuộc nhóm "
          + existing.get().subject().label() + ".");
    }
    String[] raw = new String[sheet.sheet().indicators().size()];
    List<String> unknown = new ArrayList<>(scores.keySet());
    for (int i = 0; i < raw.length; i++) {
      String code = sheet.sheet().indicators().get(i).code();
      raw[i] = scores.get(code);
      unknown.remove(code);
    }
    List<FieldError> errors = new ArrayList<>();
    for (String u : unknown) {
      errors.add(new FieldError(u, "Bộ tiêu chí " + sheet.sheet().name() + " không có chỉ tiêu " + u + "."));
    }
    Parsed p = EntryRules.parse(sheet.sheet(), r.orgCode(), clock.today().getYear(), identityNo, fullName,
        birthYear, raw, judgement, errors);
    if (!errors.isEmpty()) {
      // each problem names its field (an indicator code, "birthYear", …) for a form; the text is the API's as before
      throw DomainException.badInputOf("Mục chưa hợp lệ, chưa lưu gì. Hãy sửa:", errors.stream()
          .map(e -> new DomainException.Problem(e.field(), label(e.field(), subject) + ": " + e.message())).toList());
    }
    Timestamp now = Timestamp.from(clock.now());
    if (existing.isPresent()) {
      // whoever corrects the entry owns its figures: a person's own entry stays "tự đánh giá" only if they saved it
      // (SelfAssessment marks it again after this)
      jdbc.update("update round_entry set full_name = ?, birth_year = ?, criteria_id = ?, scores = ?, total = ?,"
          + " passed = ?, explanation = ?, judgement = ?, return_reason = null, self_assessed = false, updated_by = ?,"
          + " updated_at = ? where id = ?", p.name(), p.birthYear(), sheet.id(), p.scoresText(), p.score().total(),
          p.score().passed(), p.score().explanation(), p.judgement() == null ? null : p.judgement().name(), actor,
          now, existing.get().id());
      RoundEntry before = existing.get();
      record(roundId, actor, "ENTRY_CORRECTED", "Sửa một mục", null, p.identity() + " (" + p.name() + "): tổng "
          + before.total().stripTrailingZeros().toPlainString() + " → "
          + p.score().total().stripTrailingZeros().toPlainString() + ", " + (p.score().passed() ? "đạt" : "không đạt")
          + (before.returnReason() == null ? "" : "; đã xử lý yêu cầu: " + before.returnReason()));
    } else {
      jdbc.update(RoundImport.INSERT_ENTRY, RoundImport.entryRow(roundId, subject, sheet.id(), p, actor, now));
      record(roundId, actor, "ENTRY_ADDED", "Nhập một mục", null, p.identity() + " (" + p.name() + "): tổng "
          + p.score().total().stripTrailingZeros().toPlainString() + ", " + (p.score().passed() ? "đạt" : "không đạt"));
    }
    return entry(roundId, p.identity()).orElseThrow();
  }

  static String label(String field, Subject subject) {
    return switch (field) {
      case EntryRules.IDENTITY -> subject.identityHeader();
      case EntryRules.NAME -> subject.nameHeader();
      case EntryRules.BIRTH_YEAR -> "Năm sinh";
      case EntryRules.JUDGEMENT -> "Nhận định";
      default -> "Chỉ tiêu " + field;
    };
  }

  /**
   * The council returns named entries with reasons: every identity must be in the round. Nothing is marked if
   * any is wrong.
   */
  @Transactional
  public void returnEntries(long roundId, Map<String, String> reasons, String actor, String step) {
    lock(roundId);
    List<String> problems = new ArrayList<>();
    for (Map.Entry<String, String> e : reasons.entrySet()) {
      if (blankToNull(e.getValue()) == null) {
        problems.add(e.getKey() + ": cần ghi lý do trả lại.");
      } else if (entry(roundId, e.getKey()).isEmpty()) {
        problems.add(e.getKey() + ": không có trong danh sách của đợt đánh giá.");
      }
    }
    if (!problems.isEmpty()) {
      // the review form's field of the returned entries (AssessmentRoundProcess.FIELD_RETURN_LIST): each problem is
      // shown next to it on the round's page
      throw DomainException.badInputOf("Danh sách trả lại chưa hợp lệ, chưa lưu gì. Hãy sửa:", problems.stream()
          .map(m -> new DomainException.Problem(vn.hoctap.process.AssessmentRoundProcess.FIELD_RETURN_LIST, m))
          .toList());
    }
    List<Object[]> batch = new ArrayList<>();
    reasons.forEach((id, why) -> batch.add(new Object[] {truncate(why.strip(), 1000), roundId, id}));
    jdbc.batchUpdate("update round_entry set return_reason = ? where round_id = ? and identity_no = ?", batch);
    StringBuilder details = new StringBuilder();
    reasons.forEach((id, why) -> details.append(id).append(": ").append(why.strip()).append('\n'));
    record(roundId, actor, "RETURNED", step, null, "Trả lại " + reasons.size() + " mục:\n" + details.toString().strip());
    moveTo(roundId, RoundStatus.RETURNED);
  }

  /** The identity numbers still returned and not yet corrected (at most 50 named). */
  @Transactional(readOnly = true)
  public String returnedIdentities(long roundId) {
    List<String> ids = jdbc.queryForList("select identity_no from round_entry where round_id = ? and"
        + " return_reason is not null order by identity_no limit 50", String.class, roundId);
    return String.join(", ", ids);
  }

  /** Recognises every entry that passed, under one numbered decision of the competent head. */
  @Transactional
  public Round recognise(long roundId, String actor, String step, String comment) {
    Round r = lock(roundId);
    if (r.status() != RoundStatus.AWAITING_DECISION) {
      throw DomainException.rule("Đợt đánh giá đang ở bước \"" + r.status().label() + "\", chưa ra quyết định được.");
    }
    LocalDate today = clock.today();
    int no = recognitions.nextDecisionNumber(r.deciderOrgId(), today.getYear());
    // a unit head signs in the unit's own register; a commune chairman as UBND xã
    String decisionNo = no + "/QĐ-" + (r.deciderCode().equals(r.orgCode()) && route(r).deciderGroup().startsWith(
        "head-") ? r.orgCode() : "UBND");
    int recognised = jdbc.update("update round_entry set recognised = passed where round_id = ?", roundId);
    jdbc.update("update assessment_round set decision_no = ?, decision_date = ?, decided_by = ? where id = ?",
        decisionNo, today, actor, roundId);
    moveTo(roundId, RoundStatus.RECOGNISED);
    jdbc.update(TALLY + " where e.round_id = ?" + TALLY_GROUP, roundId);
    Counts c = counts(roundId);
    record(roundId, actor, "RECOGNISED", step, comment, "Quyết định " + decisionNo + " ngày " + Dates.vn(today)
        + " công nhận " + c.recognised() + "/" + recognised + " mục đạt.");
    events.publishEvent(new Recognised(roundId));
    return get(roundId);
  }

  /**
   * Tallies, in one statement, every recognised round that has no round_tally rows yet: rounds written in bulk
   * outside {@link #recognise} (a loader). Returns the number of rows written.
   */
  @Transactional
  public int tallyDecidedRounds() {
    return jdbc.update(TALLY + " where e.round_id in (select r.id from assessment_round r where r.status = 'RECOGNISED'"
        + " and not exists (select 1 from round_tally t where t.round_id = r.id))" + TALLY_GROUP);
  }

  @Transactional
  public void refuse(long roundId, String actor, String step, String reason) {
    Round r = lock(roundId);
    if (r.status() != RoundStatus.AWAITING_DECISION) {
      throw DomainException.rule("Đợt đánh giá đang ở bước \"" + r.status().label() + "\".");
    }
    moveTo(roundId, RoundStatus.REFUSED);
    record(roundId, actor, "REFUSED", step, reason, "Không công nhận đợt đánh giá");
  }

  /** Tells the round's bodies the outcome. */
  @Transactional
  public void notifyOutcome(long roundId) {
    Round r = get(roundId);
    RoundRoute route = route(r);
    Counts c = counts(roundId);
    String subject = r.status() == RoundStatus.RECOGNISED
        ? "Quyết định " + r.decisionNo() + " công nhận " + c.recognised() + " " + r.kind().label()
        : "Không công nhận: " + r.describe();
    String body = r.describe() + ": " + r.status().label() + ". " + c.recognised() + "/" + c.entries()
        + " mục được công nhận. Danh sách kèm theo quyết định tải về tại trang của đợt đánh giá số " + roundId
        + " (mục Đợt đánh giá).";
    for (String group : List.of(route.preparerGroup(), route.reviewerGroup())) {
      notifications.notify(null, group, r.status() == RoundStatus.RECOGNISED ? "ROUND_RECOGNISED" : "ROUND_REFUSED",
          subject, body);
    }
  }

  /**
   * The share of a unit's members (or, with {@code learners}, of its learners) recognised as "Công dân học tập",
   * from its latest recognised round of the year or before that has such entries.
   */
  @Transactional(readOnly = true)
  public Optional<Ratio> latestRatio(long unitId, int year, boolean learners) {
    List<String> subjects = new ArrayList<>();
    for (Subject s : Subject.values()) {
      if (s.kind() == RoundKind.CITIZEN && (learners ? s == Subject.LEARNER : s.member())) {
        subjects.add("'" + s.name() + "'");
      }
    }
    String in = String.join(", ", subjects);
    List<Ratio> r = jdbc.query("select r.id, r.assessment_year, r.decision_no, r.decision_date,"
        + " sum(case when e.recognised then 1 else 0 end) rec, count(*) n from assessment_round r"
        + " join round_entry e on e.round_id = r.id and e.subject in (" + in + ")"
        + " where r.org_id = ? and r.kind = 'CITIZEN' and r.status = 'RECOGNISED' and r.assessment_year <= ?"
        // a round whose decision was revoked (thu hồi) no longer feeds a dossier
        + " and not exists (select 1 from document_revocation rv where rv.subject_kind = 'ROUND' and rv.subject_id"
        + " = r.id)"
        + " group by r.id, r.assessment_year, r.decision_no, r.decision_date, r.closed_at"
        + " order by r.assessment_year desc, r.closed_at desc limit 1",
        (rs, i) -> new Ratio(rs.getLong("id"), rs.getInt("assessment_year"), rs.getString("decision_no"),
            rs.getObject("decision_date", LocalDate.class), rs.getLong("rec"), rs.getLong("n")), unitId, year);
    return r.stream().findFirst();
  }

  private RowMapper<RoundEntry> entryMapper() {
    return (rs, i) -> {
      ScoreSheet sheet = criteria.byId(rs.getLong("criteria_id"));
      String[] parts = rs.getString("scores").split(";");
      Map<String, BigDecimal> scores = new LinkedHashMap<>();
      for (int k = 0; k < parts.length && k < sheet.indicators().size(); k++) {
        scores.put(sheet.indicators().get(k).code(), new BigDecimal(parts[k]));
      }
      int by = rs.getInt("birth_year");
      return new RoundEntry(rs.getLong("id"), Subject.valueOf(rs.getString("subject")), rs.getString("identity_no"),
          rs.getString("full_name"), rs.wasNull() ? null : by, rs.getLong("criteria_id"), scores,
          rs.getBigDecimal("total"), rs.getBoolean("passed"), rs.getString("explanation"), rs.getString("judgement"),
          rs.getString("return_reason"), rs.getBoolean("recognised"), rs.getBoolean("self_assessed"));
    };
  }

  static final RowMapper<Round> ROUND = RoundService::round;

  private static Round round(ResultSet rs, int i) throws SQLException {
    Timestamp created = rs.getTimestamp("created_at");
    return new Round(rs.getLong("id"), RoundKind.valueOf(rs.getString("kind")), rs.getLong("org_id"),
        rs.getString("org_code"), rs.getString("org_name"), rs.getString("org_path"), rs.getInt("assessment_year"),
        RoundStatus.valueOf(rs.getString("status")), rs.getLong("decider_org_id"), rs.getString("decider_code"),
        rs.getString("decider_path"), rs.getString("decider_title"), rs.getString("process_instance_id"),
        rs.getString("decision_no"), rs.getObject("decision_date", LocalDate.class), rs.getString("decided_by"),
        rs.getString("created_by"), created.toInstant());
  }

  static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  static String truncate(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }
}
