package vn.hoctap.award;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.ui.Model;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import vn.hoctap.common.DomainException;
import vn.hoctap.common.EngineClock;
import vn.hoctap.dossier.EvidenceService;
import vn.hoctap.org.OrgUnit;
import vn.hoctap.security.CurrentUser;
import vn.hoctap.web.Page;

/**
 * "Lập danh sách đề nghị khen thưởng" (/khen-thuong/moi): the proposing body and the award form are chosen from
 * lists, the candidates picked by name from the body's own units, people and households (CandidatePicker), each
 * with what the body certifies (duty ratings, Chiến sĩ thi đua cơ sở, earlier awards) year by year; the tờ trình
 * and the báo cáo thành tích are uploaded as files with the evidence checks. Searching, adding and removing a
 * candidate post the form back and keep everything typed (the script does it in place, keeping the chosen files);
 * the proposal is recorded whole or not at all, and each refusal is shown next to its field.
 */
@Page
class NewProposalPage {

  static final String MOVEMENT = "Cả nước thi đua xây dựng xã hội học tập, đẩy mạnh học tập suốt đời giai đoạn"
      + " 2023–2030";
  private static final Pattern CANDIDATE = Pattern.compile("^uv-(\\d+)-ref$");
  private static final Pattern YEAR_FIELD = Pattern.compile("^uv-(\\d+)-(xl|cstd|kt|qd)-(\\d{4})$");

  /** A value and its words, for a select or radio. */
  record Choice(String value, String label) {}

  /** What the body certifies about an individual for one year. */
  record YearRow(int year, String rating, boolean cstd, String award, String reference) {}

  /** A chosen candidate as the form shows it again. */
  record Chosen(int index, String ref, String name, String kindLabel, String orgName, String detail,
      boolean individual, boolean typedName, String position, String summary, List<YearRow> years) {}

  /** The page's problems by field id, each shown next to its field. */
  static final class Errors {
    private final Map<String, List<String>> byField = new LinkedHashMap<>();

    void add(String field, String message) {
      byField.computeIfAbsent(field, k -> new ArrayList<>()).add(message);
    }

    public List<String> of(String field) {
      return byField.getOrDefault(field, List.of());
    }

    public boolean has(String field) {
      return byField.containsKey(field);
    }

    boolean isEmpty() {
      return byField.isEmpty();
    }

    List<String> all() {
      return byField.values().stream().flatMap(List::stream).toList();
    }
  }

  /** Everything the form holds. */
  record State(String body, String form, String movement, String period, String year, String submission,
      String report, String search, List<Chosen> chosen, String newName, String newUnit, String newKind) {}

  static final List<Choice> RATINGS = List.of(new Choice("", "—"),
      new Choice(AchievementKind.RATING_COMPLETED.name(), AchievementKind.RATING_COMPLETED.label()),
      new Choice(AchievementKind.RATING_GOOD.name(), AchievementKind.RATING_GOOD.label()),
      new Choice(AchievementKind.RATING_EXCELLENT.name(), AchievementKind.RATING_EXCELLENT.label()));
  static final List<Choice> AWARDS = List.of(new Choice("", "—"),
      new Choice(AchievementKind.GIAY_KHEN.name(), AchievementKind.GIAY_KHEN.label()),
      new Choice(AchievementKind.BANG_KHEN_BO.name(), AchievementKind.BANG_KHEN_BO.label()),
      new Choice(AchievementKind.BANG_KHEN_TINH.name(), AchievementKind.BANG_KHEN_TINH.label()));

  private final AwardService awards;
  private final CandidatePicker picker;
  private final EngineClock clock;
  private final long maxBytes;
  private final long maxRequestBytes;
  private final Set<String> allowedTypes;

  NewProposalPage(AwardService awards, CandidatePicker picker, EngineClock clock,
      @Value("${hoctap.evidence.max-bytes}") DataSize maxBytes,
      @Value("${spring.servlet.multipart.max-request-size}") DataSize maxRequest,
      @Value("${hoctap.evidence.allowed-types}") Set<String> allowedTypes) {
    this.awards = awards;
    this.picker = picker;
    this.clock = clock;
    this.maxBytes = maxBytes.toBytes();
    this.maxRequestBytes = maxRequest.toBytes();
    this.allowedTypes = new TreeSet<>(allowedTypes);
  }

  @GetMapping("/khen-thuong/moi")
  String form(Model model) {
    List<OrgUnit> bodies = picker.bodies(CurrentUser.get());
    State s = new State(bodies.size() == 1 ? bodies.get(0).getCode() : "", AwardForm.GIAY_KHEN.name(), MOVEMENT,
        PeriodKind.YEARLY.name(), String.valueOf(clock.today().getYear()), "", "", "", List.of(), "", "",
        CandidateKind.INDIVIDUAL.name());
    return show(model, s, new Errors(), List.of(), null);
  }

  @PostMapping("/khen-thuong/moi")
  String post(@RequestParam Map<String, String> params,
      @RequestParam(name = "to-trinh", required = false) List<MultipartFile> submissionFiles,
      @RequestParam(name = "bao-cao", required = false) List<MultipartFile> reportFiles, Model model,
      HttpServletResponse response) {
    CurrentUser user = CurrentUser.get();
    State s = read(params);
    OrgUnit body = picker.bodies(user).stream().filter(b -> b.getCode().equals(s.body())).findFirst().orElse(null);
    String action = params.getOrDefault("hanh-dong", "lap");
    Errors errors = new Errors();
    List<Chosen> chosen = new ArrayList<>(s.chosen());
    String notice = null;
    boolean filesSent = real(submissionFiles) + real(reportFiles) > 0;
    if (!action.equals("lap")) {
      if (filesSent) {
        notice = "Các tệp đã chọn chưa được gửi ở bước này. Hãy chọn lại tệp tờ trình và báo cáo thành tích trước"
            + " khi bấm «Lập danh sách đề nghị».";
      }
      if (action.startsWith("them:")) {
        String ref = action.substring(5);
        CandidatePicker.Option o = picker.resolve(ref, null).orElse(null);
        if (o == null || body == null || !o.org().getPath().startsWith(body.getPath())) {
          errors.add("tim", "Không thêm được: người hoặc tập thể này không có trong danh sách của đơn vị đề nghị."
              + " Hãy tìm và chọn lại.");
        } else if (chosen.stream().noneMatch(c -> c.ref().equals(ref))) {
          chosen.add(added(chosen.size(), o, s.year()));
        }
      } else if (action.equals("them-moi")) {
        addNew(s, body, chosen, errors);
      } else if (action.startsWith("bo:")) {
        int i = Integer.parseInt(action.substring(3).replaceAll("\\D", "0"));
        chosen.removeIf(c -> c.index() == i);
      }
      if (body == null && !action.startsWith("bo:")) {
        errors.add("don-vi", "Hãy chọn đơn vị đề nghị trước, để tìm người và tập thể của đơn vị.");
      }
      State next = new State(s.body(), s.form(), s.movement(), s.period(), s.year(), s.submission(), s.report(),
          s.search(), renumber(chosen), action.equals("them-moi") && errors.isEmpty() ? "" : s.newName(),
          s.newUnit(), s.newKind());
      if (!errors.isEmpty()) {
        response.setStatus(422);
      }
      return show(model, next, errors, List.of(), notice);
    }

    // "Lập danh sách đề nghị": the candidates as the service takes them, then the service's own checks
    List<ProposalRequest.Candidate> candidates = new ArrayList<>();
    List<Integer> indexOf = new ArrayList<>();
    for (Chosen c : chosen) {
      CandidatePicker.Option o = picker.resolve(c.ref(), c.name()).orElse(null);
      if (o == null) {
        errors.add("uv-" + c.index(), "Không tìm thấy người hoặc tập thể đã chọn ở dòng này. Hãy bỏ dòng này và"
            + " chọn lại trong danh sách.");
        continue;
      }
      candidates.add(new ProposalRequest.Candidate(o.kind().name(), o.name(), o.org().getCode(), blankToNull(
          c.position()), blankToNull(c.summary()), achievements(c), o.certifications()));
      indexOf.add(c.index());
    }
    if (body == null) {
      errors.add("don-vi", "Hãy chọn đơn vị đề nghị trong danh sách.");
    }
    if (java.util.Arrays.stream(AwardForm.values()).noneMatch(f -> f.name().equals(s.form()))) {
      errors.add("hinh-thuc", "Hãy chọn một hình thức khen thưởng: Giấy khen, Bằng khen của Chủ tịch UBND tỉnh hoặc"
          + " Bằng khen của Thủ tướng Chính phủ.");
    }
    if (java.util.Arrays.stream(PeriodKind.values()).noneMatch(k -> k.name().equals(s.period()))) {
      errors.add("ky", "Hãy chọn kỳ khen thưởng trong danh sách.");
    }
    Integer year = null;
    try {
      year = Integer.valueOf(s.year().strip());
    } catch (NumberFormatException e) {
      errors.add("nam", "Năm khen thưởng phải là số có 4 chữ số, ví dụ " + clock.today().getYear() + ".");
    }
    if (!errors.isEmpty()) {
      response.setStatus(422);
      return show(model, s, errors, List.of("Danh sách đề nghị khen thưởng chưa hợp lệ, chưa lưu gì. Hãy sửa:"),
          notice);
    }
    String report = s.report().isBlank() ? "Kèm theo tệp báo cáo thành tích." : s.report();
    ProposalRequest req = new ProposalRequest(body.getCode(), s.form(), s.movement(), s.period(), year,
        s.submission(), report, candidates);
    Map<ProposalFileKind, List<EvidenceService.Upload>> files = Map.of(ProposalFileKind.SUBMISSION,
        uploads(submissionFiles), ProposalFileKind.REPORT, uploads(reportFiles));
    try {
      Long id = awards.propose(req, files, true, user);
      // a parameter rather than a flash message: the page's script follows the redirect itself, then opens it
      return "redirect:/khen-thuong/" + id + "?da-lap=1";
    } catch (RuntimeException e) {
      DomainException refusal = vn.hoctap.common.Throwables.find(e, DomainException.class);
      if (refusal == null || refusal.kind() == DomainException.Kind.NOT_FOUND) {
        throw e;
      }
      List<String> general = new ArrayList<>();
      general.add(refusal.getMessage());
      for (DomainException.Problem p : refusal.fieldProblems()) {
        String field = field(p.field(), indexOf);
        if (field == null) {
          general.add(p.message());
        } else {
          errors.add(field, p.message());
        }
      }
      if (refusal.kind() == DomainException.Kind.FORBIDDEN) {
        errors.add("don-vi", refusal.getMessage());
        general.remove(0);
      }
      response.setStatus(refusal.kind() == DomainException.Kind.FORBIDDEN ? 403 : 422);
      if (filesSent) {
        notice = "Chưa có gì được lưu, kể cả các tệp. Hãy chọn lại tệp tờ trình và báo cáo thành tích khi gửi lại.";
      }
      return show(model, s, errors, general, notice);
    }
  }

  /** The page's field for a field of the service's refusal (candidates[i] is the i-th candidate sent). */
  private static String field(String field, List<Integer> indexOf) {
    if (field == null) {
      return null;
    }
    Matcher m = Pattern.compile("^candidates\\[(\\d+)]$").matcher(field);
    if (m.matches()) {
      int i = Integer.parseInt(m.group(1));
      return i < indexOf.size() ? "uv-" + indexOf.get(i) : "ung-vien";
    }
    return switch (field) {
      case "proposerCode" -> "don-vi";
      case "form" -> "hinh-thuc";
      case "movement" -> "phong-trao";
      case "periodKind" -> "ky";
      case "periodYear" -> "nam";
      case "submission" -> "trich-yeu";
      case "report" -> "tom-tat";
      case "candidates" -> "ung-vien";
      case "files.SUBMISSION" -> "to-trinh";
      case "files.REPORT" -> "bao-cao";
      default -> null;
    };
  }

  private void addNew(State s, OrgUnit body, List<Chosen> chosen, Errors errors) {
    if (body == null) {
      return;
    }
    if (s.newName().isBlank()) {
      errors.add("moi-ten", "Hãy nhập họ tên người (hoặc chủ hộ) được đề nghị.");
    }
    OrgUnit unit = picker.units(body).stream().filter(u -> String.valueOf(u.getId()).equals(s.newUnit()))
        .findFirst().orElse(null);
    if (unit == null) {
      errors.add("moi-don-vi", "Hãy chọn đơn vị của người này trong danh sách.");
    }
    if (!errors.isEmpty()) {
      return;
    }
    String kind = CandidateKind.HOUSEHOLD.name().equals(s.newKind()) ? CandidateKind.HOUSEHOLD.name()
        : CandidateKind.INDIVIDUAL.name();
    picker.resolve("moi:" + kind + ":" + unit.getId(), s.newName())
        .ifPresent(o -> chosen.add(added(chosen.size(), o, s.year())));
  }

  /** A candidate just picked: the position and the achievements already recorded for them, if any. */
  private Chosen added(int index, CandidatePicker.Option o, String year) {
    List<ProposalRequest.Achievement> known = picker.achievements(o.awardeeId());
    List<YearRow> rows = new ArrayList<>();
    for (int y : years(year, Set.of())) {
      String rating = "";
      boolean cstd = false;
      String award = "";
      String reference = "";
      for (ProposalRequest.Achievement a : known) {
        if (a.year() != y) {
          continue;
        }
        if (a.kind().startsWith("RATING_")) {
          rating = a.kind();
        } else if (a.kind().equals(AchievementKind.CSTD_CO_SO.name())) {
          cstd = true;
          reference = a.reference() == null ? reference : a.reference();
        } else {
          award = a.kind();
          reference = a.reference() == null ? reference : a.reference();
        }
      }
      rows.add(new YearRow(y, rating, cstd, award, reference));
    }
    return new Chosen(index, o.ref(), o.name(), o.kindLabel(), o.orgName(), o.detail(), o.individual(),
        o.ref().startsWith("moi:"), o.position() == null ? "" : o.position(), "", o.individual() ? rows : List.of());
  }

  /** The five years up to the award year (and any other year the form already holds), newest first. */
  private List<Integer> years(String year, Set<Integer> also) {
    int y;
    try {
      y = Integer.parseInt(year.strip());
      if (y < 2000 || y > 2100) {
        y = clock.today().getYear();
      }
    } catch (NumberFormatException e) {
      y = clock.today().getYear();
    }
    TreeSet<Integer> out = new TreeSet<>(java.util.Comparator.reverseOrder());
    for (int i = 0; i < 5; i++) {
      out.add(y - i);
    }
    out.addAll(also);
    return List.copyOf(out);
  }

  private State read(Map<String, String> params) {
    TreeMap<Integer, String> refs = new TreeMap<>();
    Map<Integer, Set<Integer>> yearsOf = new java.util.HashMap<>();
    for (String k : params.keySet()) {
      Matcher m = CANDIDATE.matcher(k);
      if (m.matches() && m.group(1).length() < 4) {
        refs.put(Integer.parseInt(m.group(1)), params.get(k));
      }
      Matcher y = YEAR_FIELD.matcher(k);
      if (y.matches() && y.group(1).length() < 4) {
        yearsOf.computeIfAbsent(Integer.parseInt(y.group(1)), i -> new TreeSet<>())
            .add(Integer.parseInt(y.group(3)));
      }
    }
    String year = p(params, "nam");
    List<Chosen> chosen = new ArrayList<>();
    for (Map.Entry<Integer, String> e : refs.entrySet()) {
      int i = e.getKey();
      String name = p(params, "uv-" + i + "-ten");
      CandidatePicker.Option o = picker.resolve(e.getValue(), name).orElse(null);
      boolean individual = o != null && o.individual();
      List<YearRow> rows = new ArrayList<>();
      if (individual) {
        for (int y : years(year, yearsOf.getOrDefault(i, Set.of()))) {
          String pre = "uv-" + i + "-";
          rows.add(new YearRow(y, choice(p(params, pre + "xl-" + y), RATINGS), !p(params, pre + "cstd-" + y)
              .isEmpty(), choice(p(params, pre + "kt-" + y), AWARDS), p(params, pre + "qd-" + y)));
        }
      }
      chosen.add(new Chosen(i, e.getValue(), o == null ? name : o.name(), o == null ? "" : o.kindLabel(),
          o == null ? "" : o.orgName(), o == null ? "" : o.detail(), individual, e.getValue().startsWith("moi:"),
          p(params, "uv-" + i + "-chuc-vu"), p(params, "uv-" + i + "-thanh-tich"), rows));
    }
    return new State(p(params, "don-vi"), p(params, "hinh-thuc"), p(params, "phong-trao"), p(params, "ky"), year,
        p(params, "trich-yeu"), p(params, "tom-tat"), p(params, "tim"), chosen, p(params, "moi-ten"),
        p(params, "moi-don-vi"), p(params, "moi-loai"));
  }

  private static List<Chosen> renumber(List<Chosen> chosen) {
    List<Chosen> out = new ArrayList<>();
    for (Chosen c : chosen) {
      int i = out.size();
      out.add(new Chosen(i, c.ref(), c.name(), c.kindLabel(), c.orgName(), c.detail(), c.individual(),
          c.typedName(), c.position(), c.summary(), c.years()));
    }
    return out;
  }

  private static List<ProposalRequest.Achievement> achievements(Chosen c) {
    List<ProposalRequest.Achievement> out = new ArrayList<>();
    for (YearRow r : c.years()) {
      String ref = r.reference().isBlank() ? null : r.reference().strip();
      if (!r.rating().isEmpty()) {
        out.add(new ProposalRequest.Achievement(r.year(), r.rating(), null));
      }
      if (r.cstd()) {
        out.add(new ProposalRequest.Achievement(r.year(), AchievementKind.CSTD_CO_SO.name(), ref));
      }
      if (!r.award().isEmpty()) {
        out.add(new ProposalRequest.Achievement(r.year(), r.award(), ref));
      }
    }
    return out;
  }

  private String show(Model model, State s, Errors errors, List<String> general, String notice) {
    CurrentUser user = CurrentUser.get();
    List<OrgUnit> bodies = picker.bodies(user);
    OrgUnit body = bodies.stream().filter(b -> b.getCode().equals(s.body())).findFirst().orElse(null);
    List<String> problems = new ArrayList<>(general);
    if (general.isEmpty() && !errors.isEmpty()) {
      problems.add("Chưa lưu gì. Hãy sửa các ô được đánh dấu:");
    }
    problems.addAll(errors.all());
    model.addAttribute("s", s);
    model.addAttribute("bodies", bodies.stream().map(b -> new Choice(b.getCode(), b.getName())).toList());
    model.addAttribute("forms", java.util.Arrays.stream(AwardForm.values()).map(f -> new Choice(f.name(),
        f.label())).toList());
    model.addAttribute("periods", java.util.Arrays.stream(PeriodKind.values()).map(f -> new Choice(f.name(),
        f.label())).toList());
    model.addAttribute("results", body == null ? List.of() : picker.search(body, s.search(), 30).stream()
        .filter(o -> s.chosen().stream().noneMatch(c -> c.ref().equals(o.ref()))).toList());
    model.addAttribute("units", body == null ? List.of() : picker.units(body).stream()
        .map(u -> new Choice(String.valueOf(u.getId()), u.getName())).toList());
    model.addAttribute("ratings", RATINGS);
    model.addAttribute("awardKinds", AWARDS);
    model.addAttribute("err", errors);
    model.addAttribute("problems", problems);
    model.addAttribute("notice", notice);
    model.addAttribute("accept", String.join(",", allowedTypes.stream().map(t -> "." + t).toList()));
    model.addAttribute("maxBytes", maxBytes);
    model.addAttribute("maxLabel", (maxBytes / (1024 * 1024)) + " MB");
    model.addAttribute("maxRequestBytes", maxRequestBytes);
    model.addAttribute("maxRequestLabel", (maxRequestBytes / (1024 * 1024)) + " MB");
    return "khen-thuong/moi";
  }

  private static String choice(String value, List<Choice> allowed) {
    return allowed.stream().anyMatch(c -> c.value().equals(value)) ? value : "";
  }

  private static String p(Map<String, String> params, String key) {
    String v = params.get(key);
    return v == null ? "" : v;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  private static int real(List<MultipartFile> files) {
    return files == null ? 0 : (int) files.stream().filter(f -> f.getOriginalFilename() != null
        && !f.getOriginalFilename().isBlank()).count();
  }

  private static List<EvidenceService.Upload> uploads(List<MultipartFile> files) {
    List<EvidenceService.Upload> out = new ArrayList<>();
    for (MultipartFile f : files == null ? List.<MultipartFile>of() : files) {
      out.add(new EvidenceService.Upload() {
        public String name() {
          return f.getOriginalFilename();
        }

        public long size() {
          return f.getSize();
        }

        public InputStream open() throws IOException {
          return f.getInputStream();
        }
      });
    }
    return out;
  }
}
