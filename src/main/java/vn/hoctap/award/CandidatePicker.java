package vn.hoctap.award;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.hoctap.common.Dates;
import vn.hoctap.org.Groups;
import vn.hoctap.org.OrgKind;
import vn.hoctap.org.OrgUnit;
import vn.hoctap.org.OrgUnitRepository;
import vn.hoctap.org.PathPrefix;
import vn.hoctap.recognition.Recognition;
import vn.hoctap.recognition.RecognitionService;
import vn.hoctap.security.CurrentUser;

/**
 * Whom a body may propose for an award, found by name, never typed as an id: its own units and itself (tập thể, with
 * the titles hoctap recorded for them), the people and households of its assessment rounds (with their "Công dân
 * học tập" / "Gia đình học tập" result) and the people already in its award records. Each choice is a reference
 * (dv:, cd:, dt:, or moi: for a person not in any list, named by the user) that {@link #resolve} turns back into a
 * candidate; whether it belongs to the proposing body is the award service's rule.
 */
@Component
class CandidatePicker {

  /** One choice as the picker shows it and the proposal records it. */
  record Option(String ref, CandidateKind kind, String name, OrgUnit org, String position, String detail,
      List<String> certifications, Long awardeeId) {

    public String kindLabel() {
      return kind.label();
    }

    public String orgName() {
      return org.getName();
    }

    public boolean individual() {
      return kind == CandidateKind.INDIVIDUAL;
    }
  }

  /** The roles whose holders prepare a body's proposals (not its council, secretary or viewers). */
  static final Set<String> PROPOSER_ROLES = Set.of("team", "head", "committee", "chair", "reviewer", "signer",
      "director");

  private static final Set<String> PEOPLE = Set.of("RESIDENT", "WORKER", "OFFICIAL", "LEARNER", "FAMILY");
  private static final int SCAN = 2000;

  private final JdbcTemplate jdbc;
  private final OrgUnitRepository orgs;
  private final RecognitionService recognitions;

  CandidatePicker(JdbcTemplate jdbc, OrgUnitRepository orgs, RecognitionService recognitions) {
    this.jdbc = jdbc;
    this.orgs = orgs;
    this.recognitions = recognitions;
  }

  /** The bodies the user prepares proposals for: their own units, communes, districts or provinces. */
  List<OrgUnit> bodies(CurrentUser user) {
    Map<Long, OrgUnit> out = new LinkedHashMap<>();
    for (String g : user.groups()) {
      Groups.orgOfRoleGroup(g).filter(code -> PROPOSER_ROLES.contains(g.substring(0, g.length() - code.length() - 1)))
          .flatMap(orgs::findByCode)
          .filter(o -> !o.isDissolved() && o.getKind() != OrgKind.VILLAGE && o.getKind() != OrgKind.NATION)
          .ifPresent(o -> out.putIfAbsent(o.getId(), o));
    }
    return List.copyOf(out.values());
  }

  /** The body itself and its units below, for a person not in any list. */
  List<OrgUnit> units(OrgUnit body) {
    List<OrgUnit> out = new ArrayList<>();
    out.add(body);
    orgs.findBelow(body.getPath()).stream().filter(o -> !o.isDissolved()).forEach(out::add);
    return out;
  }

  /** Up to {@code limit} choices of the body whose name contains the text (any case, with or without accents). */
  @Transactional(readOnly = true)
  List<Option> search(OrgUnit body, String text, int limit) {
    String folded = fold(text == null ? "" : text.strip());
    List<Option> out = new ArrayList<>();
    for (OrgUnit o : units(body)) {
      if (out.size() >= limit / 3 + 1) {
        break;
      }
      if (fold(o.getName()).contains(folded)) {
        out.add(collective(o));
      }
    }
    Map<String, Option> people = new LinkedHashMap<>();
    for (Option p : entries(body, text, folded)) {
      people.putIfAbsent(p.kind() + "|" + p.name() + "|" + p.org().getId(), p);
    }
    for (Option a : awardees(body, folded)) {
      String key = a.kind() + "|" + a.name() + "|" + a.org().getId();
      Option known = people.get(key);
      people.put(key, known == null ? a : new Option(known.ref(), known.kind(), known.name(), known.org(),
          a.position(), known.detail() + " · đã có trong hồ sơ khen thưởng", known.certifications(), a.awardeeId()));
    }
    for (Option p : people.values()) {
      if (out.size() >= limit) {
        break;
      }
      out.add(p);
    }
    return out;
  }

  /** The choice a reference names, or empty if it names nothing (a person typed by name needs {@code name}). */
  @Transactional(readOnly = true)
  Optional<Option> resolve(String ref, String name) {
    if (ref == null) {
      return Optional.empty();
    }
    String[] p = ref.split(":");
    try {
      return switch (p[0]) {
        case "dv" -> orgs.findById(Long.parseLong(p[1])).map(this::collective);
        case "cd" -> entry(Long.parseLong(p[1]));
        case "dt" -> awardee(Long.parseLong(p[1]));
        case "moi" -> orgs.findById(Long.parseLong(p[2])).map(o -> new Option(ref, CandidateKind.valueOf(p[1]),
            name == null ? "" : name.strip(), o, null, "Chưa có trong danh sách của đơn vị", List.of(),
            null)).filter(o -> o.kind() != CandidateKind.COLLECTIVE);
        default -> Optional.empty();
      };
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  /** The certified achievements already recorded for an awardee, to fill the form with. */
  List<ProposalRequest.Achievement> achievements(Long awardeeId) {
    if (awardeeId == null) {
      return List.of();
    }
    return jdbc.query("select achieved_year, kind, reference from awardee_achievement where awardee_id = ? "
        + "order by achieved_year desc", (rs, i) -> new ProposalRequest.Achievement(rs.getInt(1), rs.getString(2),
        rs.getString(3)), awardeeId);
  }

  private Option collective(OrgUnit o) {
    List<String> titles = new ArrayList<>();
    for (Recognition r : recognitions.ofUnit(o.getId())) {
      titles.add(r.getTitle().label() + " mức độ " + r.getLevel() + " năm " + r.getAssessmentYear());
    }
    String kind = o.getKind() == OrgKind.UNIT ? "Trường, cơ quan, đơn vị" : o.getKind().label();
    return new Option("dv:" + o.getId(), CandidateKind.COLLECTIVE, o.getName(), o, null,
        kind + (titles.isEmpty() ? "" : " · " + String.join("; ", titles)), List.of(), null);
  }

  private static final String ENTRY = "select e.id, e.subject, e.identity_no, e.full_name, e.birth_year, "
      + "e.recognised, e.passed, r.assessment_year, r.kind, r.decision_no, r.decision_date, r.org_id "
      + "from round_entry e join assessment_round r on r.id = e.round_id join org_unit o on o.id = r.org_id ";

  /** The people and households of the body's rounds, the latest entry of each identity number first. */
  private List<Option> entries(OrgUnit body, String text, String folded) {
    String subjects = "e.subject in ('RESIDENT', 'WORKER', 'OFFICIAL', 'LEARNER', 'FAMILY')";
    List<Map<String, Object>> rows = jdbc.queryForList(ENTRY + "where " + PathPrefix.like("o.path") + " and "
        + subjects + " and lower(e.full_name) like ?" + PathPrefix.ESCAPE
        + " order by e.full_name, r.assessment_year desc, e.id desc limit " + SCAN, PathPrefix.pattern(body.getPath()),
        contains(text.strip().toLowerCase(Locale.forLanguageTag("vi"))));
    if (rows.isEmpty() && !folded.isEmpty()) {
      // typed without accents ("nguyen"): compared on the names without accents, over the body's first rows
      rows = jdbc.queryForList(ENTRY + "where " + PathPrefix.like("o.path") + " and " + subjects
          + " order by e.full_name, r.assessment_year desc, e.id desc limit " + SCAN,
          PathPrefix.pattern(body.getPath())).stream().filter(r -> fold((String) r.get("full_name")).contains(folded))
          .toList();
    }
    Map<String, Option> byIdentity = new LinkedHashMap<>();
    Map<Long, OrgUnit> units = new HashMap<>();
    for (Map<String, Object> r : rows) {
      String identity = (String) r.get("identity_no");
      if (!byIdentity.containsKey(identity)) {
        OrgUnit org = units.computeIfAbsent(((Number) r.get("org_id")).longValue(),
            id -> orgs.findById(id).orElseThrow());
        byIdentity.put(identity, entryOption(r, org));
      }
    }
    return List.copyOf(byIdentity.values());
  }

  private Optional<Option> entry(Long id) {
    return jdbc.queryForList(ENTRY + "where e.id = ?", id).stream().filter(r -> PEOPLE.contains(r.get("subject")))
        .findFirst().map(r -> entryOption(r, orgs.findById(((Number) r.get("org_id")).longValue()).orElseThrow()));
  }

  private Option entryOption(Map<String, Object> r, OrgUnit org) {
    boolean family = "FAMILY".equals(r.get("subject"));
    String title = family ? "Gia đình học tập" : "Công dân học tập";
    int year = ((Number) r.get("assessment_year")).intValue();
    boolean recognised = Boolean.TRUE.equals(r.get("recognised"));
    List<String> parts = new ArrayList<>();
    if (r.get("birth_year") != null) {
      parts.add((family ? "Chủ hộ sinh năm " : "Sinh năm ") + r.get("birth_year"));
    }
    List<String> certifications = new ArrayList<>();
    if (recognised) {
      java.time.LocalDate date = r.get("decision_date") == null ? null
          : ((java.sql.Date) r.get("decision_date")).toLocalDate();
      String decision = r.get("decision_no") == null ? "" : ", quyết định số " + r.get("decision_no")
          + (date == null ? "" : " ngày " + Dates.vn(date));
      parts.add(title + " năm " + year);
      certifications.add("Được công nhận \"" + title + "\" năm " + year + decision);
    } else {
      parts.add("Đánh giá \"" + title + "\" năm " + year + ": chưa được công nhận");
    }
    return new Option("cd:" + r.get("id"), family ? CandidateKind.HOUSEHOLD : CandidateKind.INDIVIDUAL,
        (String) r.get("full_name"), org, null, String.join(" · ", parts), certifications, null);
  }

  private static final String AWARDEE = "select a.id, a.kind, a.name, a.position, a.org_id from awardee a "
      + "join org_unit o on o.id = a.org_id ";

  /** People and households already in the body's award records. */
  private List<Option> awardees(OrgUnit body, String folded) {
    return jdbc.queryForList(AWARDEE + "where " + PathPrefix.like("o.path") + " and a.kind <> 'COLLECTIVE' "
        + "order by a.name limit " + SCAN, PathPrefix.pattern(body.getPath())).stream()
        .filter(r -> fold((String) r.get("name")).contains(folded)).map(this::awardeeOption).toList();
  }

  private Optional<Option> awardee(Long id) {
    return jdbc.queryForList(AWARDEE + "where a.id = ?", id).stream().findFirst().map(this::awardeeOption);
  }

  private Option awardeeOption(Map<String, Object> r) {
    CandidateKind kind = CandidateKind.valueOf((String) r.get("kind"));
    OrgUnit org = orgs.findById(((Number) r.get("org_id")).longValue()).orElseThrow();
    if (kind == CandidateKind.COLLECTIVE) {
      return collective(org);
    }
    Long id = ((Number) r.get("id")).longValue();
    Integer awards = jdbc.queryForObject("select count(*) from award where awardee_id = ?", Integer.class, id);
    return new Option("dt:" + id, kind, (String) r.get("name"), org, (String) r.get("position"),
        "Đã có trong hồ sơ khen thưởng" + (awards == 0 ? "" : " (" + awards + " lần được khen thưởng)"), List.of(),
        id);
  }

  private static String contains(String text) {
    StringBuilder out = new StringBuilder("%");
    for (char c : text.toCharArray()) {
      if (c == PathPrefix.ESCAPE_CHAR || c == '%' || c == '_') {
        out.append(PathPrefix.ESCAPE_CHAR);
      }
      out.append(c);
    }
    return out.append('%').toString();
  }

  /** Lower case without accents ("Đỗ Thị Hoa" → "do thi hoa"), for a search typed either way. */
  static String fold(String s) {
    return Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "").replace('đ', 'd').replace('Đ', 'D')
        .toLowerCase(Locale.ROOT);
  }
}
