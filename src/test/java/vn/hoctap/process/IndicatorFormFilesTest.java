package vn.hoctap.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import vn.hoctap.criteria.CriteriaSet;
import vn.hoctap.criteria.CriteriaSetJson;
import vn.hoctap.criteria.DigitalLevel;
import vn.hoctap.criteria.EmulationTitle;
import vn.hoctap.criteria.Indicator;
import vn.hoctap.criteria.RuleKind;

/**
 * forms/lu-indicator-values.form and lc-indicator-values.form are generated from the bundled criteria sets: one group
 * per indicator code of the title (shown where the dossier's set applies it to the applicant), with the value fields
 * of each rule the code has in some set (shown for the dossier's own rule), the judgement and the note. The fields
 * before and after the indicators are kept as they are in the file. When the data changed, this test rewrites the
 * file and fails once, so that the new file is looked at and committed.
 */
class IndicatorFormFilesTest {

  static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void theIndicatorFormsAreGeneratedFromTheCriteriaData() throws IOException {
    List<CriteriaSet> sets = new CriteriaSetJson().readBundled();
    List<String> rewritten = new ArrayList<>();
    for (String title : List.of(CriteriaSet.LEARNING_UNIT, CriteriaSet.LEARNING_COMMUNITY)) {
      String form = title.equals(CriteriaSet.LEARNING_UNIT) ? LearningUnitProcess.VALUES_FORM
          : LearningCommunityProcess.VALUES_FORM;
      Path file = Path.of("forms", form + ".form");
      JsonNode current = JSON.readTree(file.toFile());
      ObjectNode generated = generate((ObjectNode) current.deepCopy(),
          sets.stream().filter(s -> s.title().equals(title)).toList());
      if (!generated.equals(current)) {
        Files.writeString(file, write(generated), StandardCharsets.UTF_8);
        rewritten.add(file.toString());
      }
    }
    assertThat(rewritten).as("biểu mẫu được tạo lại từ dữ liệu tiêu chí; hãy xem lại và commit").isEmpty();
  }

  static String write(JsonNode form) throws IOException {
    DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
        .withSeparators(Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER));
    printer.indentArraysWith(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE);
    return JSON.writer(printer).writeValueAsString(form) + "\n";
  }

  /** The form with its indicator groups replaced by those of the sets, where the first one was. */
  static ObjectNode generate(ObjectNode form, List<CriteriaSet> sets) {
    ArrayNode components = (ArrayNode) form.get("components");
    ArrayNode out = JSON.createArrayNode();
    boolean inserted = false;
    for (JsonNode c : components) {
      boolean indicatorGroup = "group".equals(c.path("type").asText())
          && c.path("conditional").path("hide").asText().contains("applicableCodes");
      if (!indicatorGroup) {
        out.add(c);
        continue;
      }
      if (!inserted) {
        groups(sets).forEach(out::add);
        inserted = true;
      }
    }
    if (!inserted) {
      throw new IllegalStateException("the form has no indicator group to replace");
    }
    form.set("components", out);
    return form;
  }

  private static List<ObjectNode> groups(List<CriteriaSet> sets) {
    // every code of the title in the order of the sets (criteria, then indicators), with every text and rule it has
    Map<String, List<Indicator>> byCode = new LinkedHashMap<>();
    List<String> order = new ArrayList<>();
    for (CriteriaSet s : sets) {
      for (Indicator i : s.indicators()) {
        if (!byCode.containsKey(i.code())) {
          order.add(i.code());
        }
        byCode.computeIfAbsent(i.code(), k -> new ArrayList<>()).add(i);
      }
    }
    order.sort((a, b) -> compareCodes(a, b));
    List<ObjectNode> out = new ArrayList<>();
    for (String code : order) {
      List<Indicator> all = byCode.get(code);
      Indicator first = all.get(0);
      Set<String> texts = new TreeSet<>();
      all.forEach(i -> texts.add(i.part() == null ? i.text() : i.part()));
      String[] parts = code.split("\\.");
      String label = code + " — " + (texts.size() == 1 ? texts.iterator().next()
          : "Chỉ tiêu " + parts[1].substring(2) + " của Tiêu chí " + parts[0].substring(2) + " (nội dung và ngưỡng"
              + " theo bộ tiêu chí của hồ sơ: xem «Các chỉ tiêu áp dụng và ngưỡng»)");
      ObjectNode g = JSON.createObjectNode();
      g.put("type", "group");
      g.put("label", label);
      ArrayNode fields = g.putArray("components");
      Set<RuleKind> rules = new TreeSet<>();
      all.forEach(i -> rules.add(i.rule()));
      for (RuleKind rule : rules) {
        for (ObjectNode f : valueFields(first, rule)) {
          f.putObject("conditional").put("hide",
              "=not(contains(applicableCodes, \"" + IndicatorForm.token(code, rule) + "\"))");
          fields.add(f);
        }
      }
      ObjectNode j = field("radio", IndicatorForm.judgementKey(first), "Nhận định (chỉ tiêu chờ xác nhận văn bản)");
      options(j, List.of(new String[] {"Đạt", "MET"}, new String[] {"Không đạt", "NOT_MET"}));
      j.putObject("validate").put("required", true);
      j.putObject("conditional").put("hide", "=not(contains(pendingCodes, \"" + IndicatorForm.token(code) + "\"))");
      j.put("description", "Chỉ tiêu này chưa có văn bản xác nhận nên không tự động tính đạt/không đạt: cần người"
          + " đánh giá nhận định.");
      fields.add(j);
      ObjectNode note = field("textarea", IndicatorForm.noteKey(first), "Minh chứng, ghi chú");
      note.putObject("validate").put("required", false).put("maxLength", 4000);
      note.put("description", "Số, ngày văn bản làm minh chứng (tệp tải lên ở mục «Minh chứng» của trang hồ sơ); nếu"
          + " sửa số liệu hoctap đã điền sẵn, ghi lý do điều chỉnh.");
      fields.add(note);
      g.put("showOutline", true);
      g.put("id", "Group_" + first.formKey());
      g.putObject("conditional").put("hide",
          "=not(contains(applicableCodes, \"" + IndicatorForm.token(code) + "\"))");
      out.add(g);
    }
    return out;
  }

  /** TC2.CT10 after TC2.CT9, TC3.CT1.HS right after TC3.CT1. */
  static int compareCodes(String a, String b) {
    String[] x = a.split("\\.");
    String[] y = b.split("\\.");
    for (int k = 0; k < Math.min(x.length, y.length); k++) {
      String p = x[k].replaceAll("\\D", "");
      String q = y[k].replaceAll("\\D", "");
      int c = !p.isEmpty() && !q.isEmpty() && x[k].replaceAll("\\d", "").equals(y[k].replaceAll("\\d", ""))
          ? Integer.compare(Integer.parseInt(p), Integer.parseInt(q)) : x[k].compareTo(y[k]);
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(x.length, y.length);
  }

  private static List<ObjectNode> valueFields(Indicator i, RuleKind rule) {
    List<ObjectNode> out = new ArrayList<>();
    switch (rule) {
      case BOOLEAN -> {
        ObjectNode f = field("radio", i.formKey(), "Đạt yêu cầu của chỉ tiêu này?");
        options(f, List.of(new String[] {"Có", "true"}, new String[] {"Không", "false"}));
        f.putObject("validate").put("required", true);
        out.add(f);
      }
      case PERCENT_AT_LEAST -> {
        ObjectNode met = field("number", IndicatorForm.metKey(i), "Số đạt");
        met.put("decimalDigits", 0);
        met.putObject("validate").put("required", true).put("min", 0);
        met.put("description", "Số người (số xã, số huyện) đạt yêu cầu");
        ObjectNode total = field("number", IndicatorForm.totalKey(i), "Tổng số");
        total.put("decimalDigits", 0);
        total.putObject("validate").put("required", true).put("min", 0);
        total.put("description", "Tổng số được tính (mẫu số của tỷ lệ)");
        out.add(met);
        out.add(total);
      }
      case COUNT_AT_LEAST -> {
        ObjectNode n = field("number", IndicatorForm.countKey(i), "Số lượng trong năm");
        n.put("decimalDigits", 0);
        n.putObject("validate").put("required", true).put("min", 0);
        out.add(n);
      }
      case EMULATION_TITLE_AT_LEAST -> {
        ObjectNode f = field("select", IndicatorForm.titleKey(i), "Danh hiệu thi đua của tập thể trong năm");
        List<String[]> o = new ArrayList<>();
        for (EmulationTitle t : EmulationTitle.values()) {
          o.add(new String[] {t.label(), t.name()});
        }
        options(f, o);
        f.putObject("validate").put("required", true);
        out.add(f);
      }
      case DIGITAL_LEVEL_AT_LEAST -> {
        ObjectNode f = field("select", IndicatorForm.levelKey(i), "Mức độ chuyển đổi số đạt được");
        List<String[]> o = new ArrayList<>();
        for (DigitalLevel l : DigitalLevel.values()) {
          o.add(new String[] {l.label(), l.name()});
        }
        options(f, o);
        f.putObject("validate").put("required", true);
        out.add(f);
      }
      case YEAR_ON_YEAR -> {
        ObjectNode c = field("textfield", IndicatorForm.currentKey(i), "Số liệu năm đánh giá");
        c.putObject("validate").put("required", true).put("maxLength", 30);
        c.put("description", "Một số, ví dụ 65,4");
        ObjectNode p = field("textfield", IndicatorForm.previousKey(i), "Số liệu năm trước liền kề");
        p.putObject("validate").put("required", true).put("maxLength", 30);
        p.put("description", "Một số, ví dụ 61,2; bằng năm đánh giá thì không được tính là tăng hay giảm");
        out.add(c);
        out.add(p);
      }
      case JUDGEMENT -> { }
    }
    return out;
  }

  private static ObjectNode field(String type, String key, String label) {
    ObjectNode f = JSON.createObjectNode();
    f.put("type", type);
    f.put("key", key);
    f.put("label", label);
    f.put("id", "Field_" + key);
    return f;
  }

  private static void options(ObjectNode f, List<String[]> labelValue) {
    ArrayNode values = f.putArray("values");
    for (String[] lv : labelValue) {
      values.addObject().put("label", lv[0]).put("value", lv[1]);
    }
  }
}
