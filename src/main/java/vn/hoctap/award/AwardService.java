package vn.hoctap.award;

import java.sql.Timestamp;
import java.time.LocalDate;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.unit.DataSize;
import vn.hoctap.common.DomainException;
import vn.hoctap.common.Inserts;
import vn.hoctap.common.DomainException.Problem;
import vn.hoctap.common.EngineClock;
import vn.hoctap.dossier.DossierAccess;
import vn.hoctap.dossier.EvidenceService;
import vn.hoctap.dossier.UploadRules;
import vn.hoctap.engine.InstanceGrants;
import vn.hoctap.org.OrgUnit;
import vn.hoctap.org.OrgUnitRepository;
import vn.hoctap.org.PathPrefix;
import vn.hoctap.recognition.Recognition;
import vn.hoctap.recognition.RecognitionService;
import vn.hoctap.security.CurrentUser;

/**
 * Proposal lists (danh sách đề nghị khen thưởng), their candidates and evidence, award decisions and each
 * awardee's history. One process instance per candidate (business key "award-&lt;candidateId&gt;") carries the
 * candidate through eligibility, the councils on the way up and the signer.
 */
@Service
public class AwardService {

  public static final String PROCESS_KEY = "award-nomination";

  /** "award-&lt;candidate id&gt;": the business key of a candidate's process instance. */
  public static String businessKey(long candidateId) {
    return "award-" + candidateId;
  }
  public static final String VAR_CANDIDATE_ID = "candidateId";

  private final JdbcTemplate jdbc;
  private final OrgUnitRepository orgs;
  private final AwardRouting routing;
  private final RecognitionService recognitions;
  private final DossierAccess access;
  private final RuntimeService runtime;
  private final IdentityService identity;
  private final EngineClock clock;
  private final InstanceGrants grants;
  private final ObjectMapper json;
  private final long maxFileBytes;
  private final Set<String> allowedTypes;
  private final org.springframework.context.ApplicationEventPublisher events;
  private final AwardAmounts amounts;

  /**
   * Published in the signer's transaction when an award is recorded into a decision: the decision, as it now
   * stands, is issued and signed then.
   */
  public record AwardRecorded(long decisionId, long awardId, String signedBy) {}

  AwardService(JdbcTemplate jdbc, OrgUnitRepository orgs, AwardRouting routing, RecognitionService recognitions,
      DossierAccess access, RuntimeService runtime, IdentityService identity, EngineClock clock,
      InstanceGrants grants, ObjectMapper json, @Value("${hoctap.evidence.max-bytes}") DataSize maxFileBytes,
      @Value("${hoctap.evidence.allowed-types}") Set<String> allowedTypes,
      org.springframework.context.ApplicationEventPublisher events, AwardAmounts amounts) {
    this.events = events;
    this.amounts = amounts;
    this.grants = grants;
    this.json = json;
    this.maxFileBytes = maxFileBytes.toBytes();
    this.allowedTypes = allowedTypes;
    this.jdbc = jdbc;
    this.orgs = orgs;
    this.routing = routing;
    this.recognitions = recognitions;
    this.access = access;
    this.runtime = runtime;
    this.identity = identity;
    this.clock = clock;
  }

  /**
   * Records a proposal list and starts one instance per candidate; everything or nothing (one transaction).
   * Recognitions recorded by hoctap for a candidate's org attach themselves as evidence.
   */
  @Transactional
  public Long propose(ProposalRequest req, CurrentUser user) {
    return propose(req, Map.of(), false, user);
  }

  /**
   * As {@link #propose(ProposalRequest, CurrentUser)}, with the tờ trình and báo cáo thành tích as files (the
   * proposal page requires both): each file passes the same checks as a dossier's evidence, and a refused file
   * stores nothing of the whole list. Every problem names its field: proposerCode, form, movement, periodKind,
   * periodYear, submission, report, candidates (the list), candidates[i] (one candidate), files.SUBMISSION,
   * files.REPORT.
   */
  @Transactional
  public Long propose(ProposalRequest req, Map<ProposalFileKind, List<EvidenceService.Upload>> files,
      boolean filesRequired, CurrentUser user) {
    List<Problem> problems = new ArrayList<>();
    OrgUnit proposer = req.proposerCode() == null ? null : orgs.findByCode(req.proposerCode()).orElse(null);
    if (proposer == null) {
      problems.add(new Problem("proposerCode", "Cần chọn đơn vị / địa phương đề nghị"
          + (req.proposerCode() == null ? "." : " (mã \"" + req.proposerCode() + "\" không có).")));
    }
    AwardForm form = parse(AwardForm.class, req.form(), "Hình thức khen thưởng", "form", problems);
    PeriodKind period = parse(PeriodKind.class, req.periodKind(), "Kỳ khen thưởng", "periodKind", problems);
    if (blank(req.movement())) {
      problems.add(new Problem("movement", "Cần nhập tên phong trào thi đua."));
    } else if (req.movement().strip().length() > 300) {
      problems.add(new Problem("movement", "Tên phong trào dài quá 300 ký tự."));
    }
    if (req.periodYear() == null || req.periodYear() < 2023 || req.periodYear() > 2030) {
      problems.add(new Problem("periodYear", "Năm khen thưởng phải trong giai đoạn 2023–2030."));
    }
    if (blank(req.submission())) {
      problems.add(new Problem("submission", "Cần nhập tờ trình."));
    } else if (req.submission().strip().length() > 4000) {
      problems.add(new Problem("submission", "Tờ trình dài quá 4000 ký tự."));
    }
    if (blank(req.report())) {
      problems.add(new Problem("report", "Cần nhập báo cáo thành tích."));
    } else if (req.report().strip().length() > 8000) {
      problems.add(new Problem("report", "Báo cáo thành tích dài quá 8000 ký tự."));
    }
    if (req.candidates() == null || req.candidates().isEmpty()) {
      problems.add(new Problem("candidates", "Danh sách đề nghị chưa có ai."));
    }
    List<OrgUnit> candidateOrgs = new ArrayList<>();
    if (req.candidates() != null) {
      Set<String> seen = new HashSet<>();
      int n = 0;
      for (ProposalRequest.Candidate c : req.candidates()) {
        String field = "candidates[" + n + "]";
        n++;
        String at = "Người/tập thể thứ " + n + ": ";
        CandidateKind kind = parse(CandidateKind.class, c.kind(), at + "loại đối tượng", field, problems);
        OrgUnit org = c.orgCode() == null ? null : orgs.findByCode(c.orgCode()).orElse(null);
        candidateOrgs.add(org);
        if (org == null) {
          problems.add(new Problem(field, at + "cần mã đơn vị / địa phương (\"" + c.orgCode() + "\" không có)."));
        } else if (proposer != null && !org.getPath().startsWith(proposer.getPath())) {
          String who = kind == CandidateKind.COLLECTIVE || blank(c.name()) ? "\"" + org.getName() + "\""
              : "\"" + c.name().strip() + "\" (" + org.getName() + ")";
          problems.add(new Problem(field, at + who + " không thuộc " + proposer.getName() + ": chỉ đề nghị được"
              + " người, tập thể của đơn vị đề nghị và các đơn vị trực thuộc. Hãy bỏ khỏi danh sách."));
        }
        if (kind != null && kind != CandidateKind.COLLECTIVE && blank(c.name())) {
          problems.add(new Problem(field, at + "cần họ tên cá nhân / chủ hộ."));
        }
        if (kind != null && org != null) {
          String key = kind + "|" + (kind == CandidateKind.COLLECTIVE ? "" : c.name().strip()) + "|" + org.getId();
          if (!seen.add(key)) {
            problems.add(new Problem(field, at + "đã có trong danh sách ở trên. Hãy bỏ dòng trùng."));
          }
        }
        if (c.achievements() != null) {
          for (ProposalRequest.Achievement a : c.achievements()) {
            parse(AchievementKind.class, a.kind(), at + "loại thành tích", field, problems);
            if (a.year() == null || a.year() < 1990 || a.year() > 2031) {
              problems.add(new Problem(field, at + "năm của thành tích \"" + a.kind() + "\" không hợp lệ."));
            }
          }
        }
      }
    }
    List<StoredFile> stored = checkFiles(files, filesRequired, problems);
    // who signs: the rule in force on the day the list is opened (award_authority), kept with the list
    AwardRouting.Resolved route = null;
    if (problems.isEmpty()) {
      try {
        route = routing.resolve(proposer, form, clock.today());
      } catch (DomainException e) {
        problems.add(new Problem("form", e.getMessage()));
      }
    }
    if (!problems.isEmpty()) {
      throw DomainException.badInputOf("Danh sách đề nghị khen thưởng chưa hợp lệ, chưa lưu gì. Hãy sửa:",
          problems);
    }
    if (!user.admin() && access.visiblePaths(user).stream().noneMatch(p -> proposer.getPath().startsWith(p))) {
      throw DomainException.forbidden("Bạn không làm việc cho " + proposer.getName() + " nên không lập được danh sách đề nghị của đơn vị này.");
    }
    Long proposalId = insert("insert into award_proposal (proposer_org_id, form, movement, period_kind, period_year, "
        + "submission, report, created_by, created_at, authority_id, signing_body_id) values (?, ?, ?, ?, ?, ?, ?, ?,"
        + " ?, ?, ?)", proposer.getId(), form.name(), req.movement().strip(), period.name(), req.periodYear(),
        req.submission().strip(), req.report().strip(), user.id(), now(), route.authority().id(),
        route.signingBody().getId());
    for (StoredFile f : stored) {
      jdbc.update("insert into award_file (proposal_id, category, file_name, content_type, size_bytes, sha256, "
          + "content, uploaded_by, uploaded_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)", proposalId, f.kind().name(),
          f.file().name(), f.file().contentType(), f.file().bytes().length, f.file().sha256(), f.file().bytes(),
          user.id(), now());
    }
    List<Long> candidateIds = new ArrayList<>();
    for (int i = 0; i < req.candidates().size(); i++) {
      candidateIds.add(addCandidate(proposalId, proposer, req.periodYear(), req.candidates().get(i),
          candidateOrgs.get(i)));
    }
    event(proposalId, null, user.id(), "PROPOSED", null, form.label() + "; " + candidateIds.size()
        + " người, tập thể được đề nghị" + (stored.isEmpty() ? "" : "; tệp: " + String.join(", ",
        stored.stream().map(f -> f.file().name() + " (" + f.kind().label().toLowerCase(java.util.Locale.ROOT) + ")")
            .toList())));
    startAll(candidateIds);
    return proposalId;
  }

  private record StoredFile(ProposalFileKind kind, UploadRules.Checked file) {}

  /** Every file checked like a dossier's evidence; each refusal is a problem of its field, nothing is kept. */
  private List<StoredFile> checkFiles(Map<ProposalFileKind, List<EvidenceService.Upload>> files, boolean required,
      List<Problem> problems) {
    List<StoredFile> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (ProposalFileKind kind : ProposalFileKind.values()) {
      String field = "files." + kind.name();
      List<EvidenceService.Upload> real = files.getOrDefault(kind, List.of()).stream()
          .filter(f -> f.name() != null && !f.name().isBlank()).toList();
      if (real.isEmpty() && required) {
        problems.add(new Problem(field, "Cần tải lên tệp " + kind.label().toLowerCase(java.util.Locale.ROOT)
            + " (pdf, Word…)."));
      }
      for (EvidenceService.Upload f : real) {
        try (var in = f.open()) {
          UploadRules.Checked checked = UploadRules.check(f.name(), in, f.size(), maxFileBytes, allowedTypes);
          if (!seen.add(checked.sha256())) {
            problems.add(new Problem(field, "Tệp \"" + checked.name() + "\" trùng nội dung với một tệp khác đã"
                + " chọn. Hãy bỏ bớt một tệp."));
          } else {
            out.add(new StoredFile(kind, checked));
          }
        } catch (DomainException e) {
          problems.add(new Problem(field, e.getMessage()));
        } catch (java.io.IOException e) {
          problems.add(new Problem(field, "Không đọc được tệp \"" + f.name() + "\" (đường truyền bị gián đoạn?)."
              + " Hãy tải lên lại."));
        }
      }
    }
    return out;
  }

  private Long addCandidate(Long proposalId, OrgUnit proposer, int year, ProposalRequest.Candidate c, OrgUnit org) {
    CandidateKind kind = CandidateKind.valueOf(c.kind());
    String name = kind == CandidateKind.COLLECTIVE ? org.getName() : c.name().strip();
    Long awardeeId = findAwardee(kind, name, org.getId()).orElseGet(() -> insert(
        "insert into awardee (kind, name, org_id, position, created_at) values (?, ?, ?, ?, ?)", kind.name(), name,
        org.getId(), c.position(), now()));
    if (c.achievements() != null) {
      for (ProposalRequest.Achievement a : c.achievements()) {
        Integer known = jdbc.queryForObject("select count(*) from awardee_achievement where awardee_id = ? "
            + "and achieved_year = ? and kind = ?", Integer.class, awardeeId, a.year(), a.kind());
        if (known == 0) {
          jdbc.update("insert into awardee_achievement (awardee_id, achieved_year, kind, reference) "
              + "values (?, ?, ?, ?)", awardeeId, a.year(), a.kind(), a.reference());
        }
      }
    }
    Long candidateId = insert("insert into award_candidate (proposal_id, awardee_id, achievements, status, "
        + "current_body_id, updated_at) values (?, ?, ?, ?, ?, ?)", proposalId, awardeeId, c.summary(),
        CandidateStatus.PROPOSED.name(), proposer.getId(), now());
    if (c.certifications() != null) {
      for (String cert : c.certifications()) {
        if (!blank(cert)) {
          jdbc.update("insert into award_evidence (candidate_id, kind, description) values (?, 'CERTIFICATION', ?)",
              candidateId, cert.strip());
        }
      }
    }
    for (Recognition r : recognitions.ofUnit(org.getId())) {
      if (r.getAssessmentYear() <= year) {
        jdbc.update("insert into award_evidence (candidate_id, kind, recognition_id, description) "
            + "values (?, 'RECOGNITION', ?, ?)", candidateId, r.getId(), "Danh hiệu \"" + r.getTitle().label()
            + "\" mức độ " + r.getLevel() + " năm " + r.getAssessmentYear() + ", quyết định số " + r.getDecisionNo()
            + " ngày " + vn.hoctap.common.Dates.vn(r.getDecisionDate()));
      }
    }
    return candidateId;
  }

  /**
   * The instances start as the system, not as the user: the jurisdiction check above is the permission, and
   * nobody may start a candidate's process through the engine without a proposal.
   */
  private void startAll(List<Long> candidateIds) {
    Authentication who = identity.getCurrentAuthentication();
    identity.clearAuthentication();
    try {
      for (Long id : candidateIds) {
        String pi = runtime.startProcessInstanceByKey(PROCESS_KEY, businessKey(id), Map.of(VAR_CANDIDATE_ID, id))
            .getId();
        // Cockpit and the Camunda REST API show it to the proposing body and those above it
        grants.grantReadAlongPath(pi, currentBody(id));
      }
    } finally {
      if (who != null) {
        identity.setAuthentication(who);
      }
    }
  }

  private Optional<Long> findAwardee(CandidateKind kind, String name, Long orgId) {
    return jdbc.queryForList("select id from awardee where kind = ? and name = ? and org_id = ?", Long.class,
        kind.name(), name, orgId).stream().findFirst();
  }

  // ---- steps of the process ----

  public void setStatus(Long candidateId, CandidateStatus status) {
    jdbc.update("update award_candidate set status = ?, updated_at = ? where id = ?", status.name(), now(),
        candidateId);
  }

  public OrgUnit currentBody(Long candidateId) {
    Long id = jdbc.queryForObject("select current_body_id from award_candidate where id = ?", Long.class,
        candidateId);
    return orgs.findById(id).orElseThrow();
  }

  /** The body whose head signs: the one the candidate's list was opened with (AwardRouting.signingBodyOf). */
  public OrgUnit signingBody(Long candidateId) {
    return routing.signingBodyOf(proposalOf(candidateId));
  }

  /** Sends the candidate, with its council's result, to the next level's council. */
  @Transactional
  public OrgUnit forward(Long candidateId) {
    OrgUnit next = routing.nextBody(currentBody(candidateId), signingBody(candidateId));
    if (next == null) {
      throw new IllegalStateException("Cấp hiện tại có thẩm quyền ký, không chuyển lên nữa: ứng viên " + candidateId);
    }
    jdbc.update("update award_candidate set current_body_id = ?, status = ?, updated_at = ? where id = ?",
        next.getId(), CandidateStatus.IN_COUNCIL.name(), now(), candidateId);
    runtime.createProcessInstanceQuery().processInstanceBusinessKey(businessKey(candidateId)).list()
        .forEach(pi -> grants.grantReadAlongPath(pi.getId(), next));
    event(proposalOf(candidateId), candidateId, null, "FORWARDED", null, "Hội đồng Thi đua - Khen thưởng "
        + next.getName());
    return next;
  }

  /**
   * One line of the proposal's history: who (a login, null for the system), what (an action code the page puts in
   * words), why (a comment) and the details.
   */
  public void event(Long proposalId, Long candidateId, String actor, String action, String comment, String details) {
    jdbc.update("insert into award_event (proposal_id, candidate_id, actor, action, comment, details, occurred_at) "
        + "values (?, ?, ?, ?, ?, ?, ?)", proposalId, candidateId, actor, action, comment, details, now());
  }

  /**
   * The signer's decision: one Quyết định khen thưởng per proposal list and signer, numbered gap-free per signer
   * and year with the recognition decisions (same counter: one decision book per signer), and the awardee's history.
   */
  @Transactional
  public Long recordAward(Long candidateId, String signedBy) {
    List<Long> existing = jdbc.queryForList("select id from award where candidate_id = ?", Long.class, candidateId);
    if (!existing.isEmpty()) {
      return existing.get(0);
    }
    Map<String, Object> c = jdbc.queryForMap("select c.awardee_id, c.proposal_id, p.form, p.period_kind, "
        + "p.period_year from award_candidate c join award_proposal p on p.id = c.proposal_id where c.id = ?",
        candidateId);
    Long proposalId = ((Number) c.get("proposal_id")).longValue();
    OrgUnit signer = currentBody(candidateId);
    List<Long> decision = jdbc.queryForList("select id from award_decision where proposal_id = ? and signer_org_id = ?",
        Long.class, proposalId, signer.getId());
    Long decisionId;
    if (decision.isEmpty()) {
      LocalDate today = clock.today();
      int no = recognitions.nextDecisionNumber(signer.getId(), today.getYear());
      decisionId = insert("insert into award_decision (proposal_id, signer_org_id, form, decision_no, decision_date, "
          + "signer_title, signed_by, created_at) values (?, ?, ?, ?, ?, ?, ?, ?)", proposalId, signer.getId(),
          c.get("form"), no + "/" + routing.decisionCode(signer), today, routing.signerTitle(signer), signedBy, now());
    } else {
      decisionId = decision.get(0);
    }
    Long awardId = insert("insert into award (awardee_id, candidate_id, decision_id, form, period_kind, period_year, "
        + "created_at) values (?, ?, ?, ?, ?, ?, ?)", c.get("awardee_id"), candidateId, decisionId, c.get("form"),
        c.get("period_kind"), c.get("period_year"), now());
    setStatus(candidateId, CandidateStatus.AWARDED);
    String no = jdbc.queryForObject("select decision_no from award_decision where id = ?", String.class, decisionId);
    event(proposalId, candidateId, signedBy, "AWARDED", null, AwardForm.valueOf((String) c.get("form")).label()
        + ", quyết định số " + no + " ngày " + vn.hoctap.common.Dates.vn(clock.today()));
    events.publishEvent(new AwardRecorded(decisionId, awardId, signedBy));
    return awardId;
  }

  // ---- reads ----

  /** The eligibility rules as data, each with its source and whether the official text is confirmed. */
  @Transactional(readOnly = true)
  public List<Map<String, Object>> rules() {
    return lowerKeys(jdbc.queryForList("select form, candidate_kind, code, kind, min_count, years, "
        + "achievement_kinds, description, source, confirmed, active, valid_from, valid_to, "
        + "case when confirmed then 'Đã xác nhận' "
        + "else 'chờ xác nhận văn bản' end as status from award_rule order by form, candidate_kind, code"));
  }

  public Long proposalOf(Long candidateId) {
    return jdbc.queryForList("select proposal_id from award_candidate where id = ?", Long.class, candidateId).stream()
        .findFirst().orElseThrow(() -> DomainException.notFound("Không tìm thấy ứng viên số " + candidateId + "."));
  }

  @Transactional(readOnly = true)
  public AwardViews.Proposal proposal(Long id, CurrentUser user) {
    List<Map<String, Object>> rows = jdbc.queryForList("select p.*, o.code as org_code, o.name as org_name, o.path "
        + "from award_proposal p join org_unit o on o.id = p.proposer_org_id where p.id = ?", id);
    if (rows.isEmpty() || !canRead(user, (String) rows.get(0).get("path"), id)) {
      throw DomainException.notFound("Không tìm thấy danh sách đề nghị khen thưởng số " + id + ".");
    }
    Map<String, Object> p = rows.get(0);
    AwardForm form = AwardForm.valueOf((String) p.get("form"));
    PeriodKind period = PeriodKind.valueOf((String) p.get("period_kind"));
    List<AwardViews.Candidate> candidates = jdbc.queryForList("select id from award_candidate where proposal_id = ? "
        + "order by id", Long.class, id).stream().map(this::candidate).toList();
    return new AwardViews.Proposal(id, (String) p.get("org_code"), (String) p.get("org_name"), form.name(),
        form.label(), (String) p.get("movement"), period.name(), period.label(),
        ((Number) p.get("period_year")).intValue(), (String) p.get("submission"), (String) p.get("report"),
        (String) p.get("created_by"), ((Timestamp) p.get("created_at")).toInstant(), candidates);
  }

  public AwardViews.Candidate candidate(Long id) {
    Map<String, Object> c = jdbc.queryForMap("select c.*, a.kind, a.name, a.position, o.name as org_name, "
        + "b.name as body_name, p.form as proposal_form, p.created_at as proposed_at from award_candidate c "
        + "join awardee a on a.id = c.awardee_id join org_unit o on o.id = a.org_id "
        + "join org_unit b on b.id = c.current_body_id join award_proposal p on p.id = c.proposal_id where c.id = ?",
        id);
    List<AwardViews.Evidence> evidence = jdbc.query("select kind, recognition_id, description from award_evidence "
        + "where candidate_id = ? order by id", (rs, i) -> new AwardViews.Evidence(rs.getString(1),
        (Long) rs.getObject(2, Long.class), rs.getString(3)), id);
    List<AwardViews.Review> reviews = jdbc.query("select r.*, o.name as body_name from council_review r "
        + "join org_unit o on o.id = r.body_id where r.candidate_id = ? order by r.id", (rs, i) ->
        new AwardViews.Review(rs.getLong("id"), rs.getString("body_name"), rs.getString("status"),
            rs.getInt("members_total"), (Integer) rs.getObject("present", Integer.class),
            (Integer) rs.getObject("yes_votes", Integer.class), (Integer) rs.getObject("no_votes", Integer.class),
            (Boolean) rs.getObject("tie", Boolean.class), rs.getString("rule_applied"), rs.getString("minutes")), id);
    List<Map<String, Object>> award = jdbc.queryForList("select d.id, d.decision_no, d.decision_date from award w "
        + "join award_decision d on d.id = w.decision_id where w.candidate_id = ?", id);
    CandidateKind kind = CandidateKind.valueOf((String) c.get("kind"));
    // the amount of the decision's day once decided; before that, of the day the list was proposed
    LocalDate amountDay = award.isEmpty()
        ? LocalDate.ofInstant(((Timestamp) c.get("proposed_at")).toInstant(), EngineClock.ZONE)
        : ((java.sql.Date) award.get(0).get("decision_date")).toLocalDate();
    AwardAmounts.Amount amount = amounts.of(AwardForm.valueOf((String) c.get("proposal_form")), kind, amountDay);
    CandidateStatus status = CandidateStatus.valueOf((String) c.get("status"));
    return new AwardViews.Candidate(id, ((Number) c.get("awardee_id")).longValue(), kind.name(), kind.label(),
        (String) c.get("name"), (String) c.get("org_name"), (String) c.get("position"), (String) c.get("achievements"),
        status.name(), status.label(), (String) c.get("body_name"), (Boolean) c.get("eligible"),
        (String) c.get("eligibility"), lines((String) c.get("eligibility_lines")), evidence, reviews,
        award.isEmpty() ? null : (String) award.get(0).get("decision_no"),
        award.isEmpty() ? null : ((Number) award.get(0).get("id")).longValue(), amount);
  }

  @Transactional(readOnly = true)
  public AwardViews.Awardee awardee(Long id, CurrentUser user) {
    List<Map<String, Object>> rows = jdbc.queryForList("select a.*, o.code as org_code, o.name as org_name, o.path "
        + "from awardee a join org_unit o on o.id = a.org_id where a.id = ?", id);
    if (rows.isEmpty() || !canReadOrg(user, (String) rows.get(0).get("path"))) {
      throw DomainException.notFound("Không tìm thấy đối tượng khen thưởng số " + id + ".");
    }
    Map<String, Object> a = rows.get(0);
    CandidateKind kind = CandidateKind.valueOf((String) a.get("kind"));
    List<AwardViews.TitleHeld> titles = kind != CandidateKind.COLLECTIVE ? List.of()
        : recognitions.ofUnit(((Number) a.get("org_id")).longValue()).stream()
            .map(r -> new AwardViews.TitleHeld(r.getAssessmentYear(), r.getTitle().label(), r.getLevel(),
                r.getDecisionNo(), r.getDecisionDate(), r.getSignerTitle(), "/api/dossiers/" + r.getDossierId(),
                "/ho-so/" + r.getDossierId()))
            .toList();
    List<AwardViews.AwardHeld> awards = jdbc.query("select w.form, w.period_kind, w.period_year, d.id, "
        + "d.decision_no, d.decision_date, d.signer_title from award w join award_decision d on d.id = w.decision_id "
        + "where w.awardee_id = ? order by w.period_year desc, d.decision_date desc", (rs, i) -> {
          AwardForm f = AwardForm.valueOf(rs.getString(1));
          return new AwardViews.AwardHeld(rs.getInt(3), f.name(), f.label(),
              PeriodKind.valueOf(rs.getString(2)).label(), rs.getString(5), rs.getObject(6, LocalDate.class),
              rs.getString(7), rs.getLong(4), AwardPages.DECISION + rs.getLong(4));
        }, id);
    List<AwardViews.Certified> certified = jdbc.query("select achieved_year, kind, reference from awardee_achievement "
        + "where awardee_id = ? order by achieved_year desc, kind", (rs, i) -> new AwardViews.Certified(rs.getInt(1),
        AchievementKind.valueOf(rs.getString(2)).label(), rs.getString(3)), id);
    List<Integer> years = new ArrayList<>();
    titles.forEach(t -> years.add(t.year()));
    certified.forEach(c -> years.add(c.year()));
    awards.forEach(w -> years.add(w.year()));
    return new AwardViews.Awardee(id, kind.name(), kind.label(), (String) a.get("name"), (String) a.get("org_code"),
        (String) a.get("org_name"), (String) a.get("position"), titles, certified, awards,
        years.stream().distinct().sorted((x, y) -> y - x).toList());
  }

  @Transactional(readOnly = true)
  public AwardViews.Decision decision(Long id, CurrentUser user) {
    List<Map<String, Object>> rows = jdbc.queryForList("select d.*, o.name as signer_name, p.id as pid from "
        + "award_decision d join org_unit o on o.id = d.signer_org_id join award_proposal p on p.id = d.proposal_id "
        + "where d.id = ?", id);
    if (rows.isEmpty()) {
      throw DomainException.notFound("Không tìm thấy quyết định khen thưởng số " + id + ".");
    }
    Map<String, Object> d = rows.get(0);
    Long proposalId = ((Number) d.get("pid")).longValue();
    proposal(proposalId, user); // same visibility as its proposal list
    AwardForm form = AwardForm.valueOf((String) d.get("form"));
    LocalDate decided = ((java.sql.Date) d.get("decision_date")).toLocalDate();
    List<AwardViews.DecisionLine> list = jdbc.query("select a.id, a.kind, a.name, o.name, a.position from award w "
        + "join awardee a on a.id = w.awardee_id join org_unit o on o.id = a.org_id where w.decision_id = ? "
        + "order by w.id", (rs, i) -> new AwardViews.DecisionLine(rs.getLong(1),
        CandidateKind.valueOf(rs.getString(2)).label(), rs.getString(3), rs.getString(4), rs.getString(5),
        amounts.of(form, CandidateKind.valueOf(rs.getString(2)), decided)), id);
    return new AwardViews.Decision(id, proposalId, form.name(), form.label(), (String) d.get("decision_no"),
        ((java.sql.Date) d.get("decision_date")).toLocalDate(), (String) d.get("signer_name"),
        (String) d.get("signer_title"), (String) d.get("signed_by"), list);
  }

  /** The eligibility lines stored with the candidate (empty for a candidate checked before they were stored). */
  private List<EligibilityService.Line> lines(String stored) {
    if (stored == null || stored.isBlank()) {
      return List.of();
    }
    try {
      return json.readValue(stored, new TypeReference<List<EligibilityService.Line>>() {});
    } catch (java.io.IOException e) {
      return List.of();
    }
  }

  String linesJson(List<EligibilityService.Line> lines) {
    try {
      return json.writeValueAsString(lines);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** The files of a proposal list, without their content. */
  @Transactional(readOnly = true)
  public List<AwardViews.File> files(Long proposalId) {
    return jdbc.query("select id, category, file_name, content_type, size_bytes, uploaded_by, uploaded_at "
        + "from award_file where proposal_id = ? order by category desc, id", (rs, i) -> new AwardViews.File(
        rs.getLong(1), ProposalFileKind.valueOf(rs.getString(2)).label(), rs.getString(3), rs.getString(4),
        rs.getLong(5), rs.getString(6), rs.getTimestamp(7).toInstant()), proposalId);
  }

  /** One file with its content, only of a proposal the user may read (404 otherwise, like an unknown one). */
  @Transactional(readOnly = true)
  public AwardViews.FileContent file(Long proposalId, Long fileId, CurrentUser user) {
    proposal(proposalId, user);
    return jdbc.query("select file_name, content_type, content from award_file where id = ? and proposal_id = ?",
        (rs, i) -> new AwardViews.FileContent(rs.getString(1), rs.getString(2), rs.getBytes(3)), fileId, proposalId)
        .stream().findFirst().orElseThrow(() -> DomainException.notFound("Không tìm thấy tệp số " + fileId + "."));
  }

  /** The history of a proposal list, oldest first. */
  @Transactional(readOnly = true)
  public List<AwardViews.Event> events(Long proposalId) {
    return jdbc.query("select e.occurred_at, e.actor, e.action, e.comment, e.details, a.name from award_event e "
        + "left join award_candidate c on c.id = e.candidate_id left join awardee a on a.id = c.awardee_id "
        + "where e.proposal_id = ? order by e.id", (rs, i) -> new AwardViews.Event(rs.getTimestamp(1).toInstant(),
        rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6)), proposalId);
  }

  /** The decisions signed on a proposal list (one per signer). */
  @Transactional(readOnly = true)
  public List<Map<String, Object>> decisionsOf(Long proposalId) {
    return lowerKeys(jdbc.queryForList("select d.id, d.decision_no, d.decision_date, d.signer_title, d.signed_by, "
        + "o.name as signer_org, (select count(*) from award w where w.decision_id = d.id) as awards "
        + "from award_decision d join org_unit o on o.id = d.signer_org_id where d.proposal_id = ? order by d.id",
        proposalId));
  }

  /** What the council and the signer read about a candidate: who, what, the eligibility check, evidence, councils. */
  @Transactional(readOnly = true)
  public String summary(Long candidateId) {
    AwardViews.Candidate c = candidate(candidateId);
    StringBuilder sb = new StringBuilder();
    sb.append(c.kindLabel()).append(": ").append(c.name()).append(" — ").append(c.orgName());
    if (c.position() != null && !c.position().isBlank()) {
      sb.append(" (").append(c.position()).append(")");
    }
    sb.append("\nThành tích: ").append(c.summary() == null || c.summary().isBlank() ? "(không ghi)" : c.summary());
    sb.append("\n").append(c.eligibility() == null ? "Chưa kiểm tra điều kiện." : c.eligibility());
    for (AwardViews.Evidence e : c.evidence()) {
      sb.append("\nMinh chứng: ").append(e.description());
    }
    for (AwardViews.Review r : c.reviews()) {
      if (!"OPEN".equals(r.status())) {
        sb.append("\nHội đồng ").append(r.body()).append(": ").append("PASSED".equals(r.status()) ? "thông qua"
            : "không thông qua").append(" (").append(r.yes()).append("/").append(r.present()).append(" đồng ý)");
      }
    }
    return sb.toString();
  }

  /** Proposal lists the user may see, newest first: their bodies' subtrees (in SQL) or bodies that reviewed them. */
  @Transactional(readOnly = true)
  public List<Map<String, Object>> proposals(CurrentUser user) {
    String sql = "select p.id, p.form, p.period_kind, p.period_year, p.movement, p.created_at, o.name as proposer "
        + "from award_proposal p join org_unit o on o.id = p.proposer_org_id";
    if (user.admin()) {
      return lowerKeys(jdbc.queryForList(sql + " order by p.id desc"));
    }
    List<String> paths = paths(user);
    if (paths.isEmpty()) {
      return List.of();
    }
    String any = String.join(" or ", paths.stream().map(p -> PathPrefix.like("o.path")).toList());
    String reviewed = String.join(" or ", paths.stream().map(p -> "b.path = ?").toList());
    List<Object> args = new ArrayList<>(paths.stream().map(PathPrefix::pattern).toList());
    args.addAll(paths);
    return lowerKeys(jdbc.queryForList(sql + " where (" + any + ") or exists (select 1 from award_candidate c "
        + "join council_review r on r.candidate_id = c.id join org_unit b on b.id = r.body_id "
        + "where c.proposal_id = p.id and (" + reviewed + ")) order by p.id desc", args.toArray()));
  }

  /**
   * Where each proposal list stands, in words: how many of its candidates are at each status ("Hội đồng đang xét:
   * 2; Đã khen thưởng: 1").
   */
  @Transactional(readOnly = true)
  public Map<Long, String> statusWords(List<Long> proposalIds) {
    Map<Long, String> out = new java.util.HashMap<>();
    if (proposalIds.isEmpty()) {
      return out;
    }
    Map<Long, Map<CandidateStatus, Integer>> counts = new java.util.HashMap<>();
    for (int i = 0; i < proposalIds.size(); i += 500) {
      List<Long> chunk = proposalIds.subList(i, Math.min(proposalIds.size(), i + 500));
      jdbc.query("select proposal_id, status, count(*) from award_candidate where proposal_id in ("
          + String.join(",", java.util.Collections.nCopies(chunk.size(), "?")) + ") group by proposal_id, status",
          rs -> {
            counts.computeIfAbsent(rs.getLong(1), k -> new java.util.EnumMap<>(CandidateStatus.class))
                .put(CandidateStatus.valueOf(rs.getString(2)), rs.getInt(3));
          }, chunk.toArray());
    }
    counts.forEach((id, byStatus) -> out.put(id, String.join("; ", byStatus.entrySet().stream()
        .map(e -> e.getKey().label() + ": " + e.getValue()).toList())));
    return out;
  }

  private boolean canRead(CurrentUser user, String proposerPath, Long proposalId) {
    if (canReadOrg(user, proposerPath)) {
      return true;
    }
    List<String> reviewed = jdbc.queryForList("select distinct b.path from award_candidate c join council_review r "
        + "on r.candidate_id = c.id join org_unit b on b.id = r.body_id where c.proposal_id = ?", String.class,
        proposalId);
    return paths(user).stream().anyMatch(reviewed::contains);
  }

  private boolean canReadOrg(CurrentUser user, String orgPath) {
    return user.admin() || paths(user).stream().anyMatch(orgPath::startsWith);
  }

  /** The bodies a user works for: every role group, plus council members and secretaries. */
  private List<String> paths(CurrentUser user) {
    List<String> paths = new ArrayList<>(access.visiblePaths(user));
    for (String g : user.groups()) {
      for (String prefix : new String[] {"council-", "secretary-"}) {
        if (g.startsWith(prefix)) {
          orgs.findByCode(g.substring(prefix.length())).map(OrgUnit::getPath).ifPresent(paths::add);
        }
      }
    }
    return paths;
  }

  /** H2 reports column names in upper case, PostgreSQL in lower case: JSON keys are lower case on both. */
  private static List<Map<String, Object>> lowerKeys(List<Map<String, Object>> rows) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Map<String, Object> row : rows) {
      Map<String, Object> m = new java.util.LinkedHashMap<>();
      row.forEach((k, v) -> m.put(k.toLowerCase(java.util.Locale.ROOT), v));
      out.add(m);
    }
    return out;
  }

  private Long insert(String sql, Object... args) {
    return Inserts.returningId(jdbc, sql, args);
  }

  private Timestamp now() {
    return Timestamp.from(clock.now());
  }

  static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  static <E extends Enum<E>> E parse(Class<E> type, String value, String label, String field,
      List<Problem> problems) {
    try {
      return Enum.valueOf(type, value == null ? "" : value.strip());
    } catch (IllegalArgumentException e) {
      problems.add(new Problem(field, "\"" + label + "\" không hợp lệ (\"" + value + "\"); chọn một trong: "
          + String.join(", ", Arrays.stream(type.getEnumConstants()).map(Enum::name).toList()) + "."));
      return null;
    }
  }
}
