package vn.hoctap.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The fields of each Camunda Form of forms/ (the same files ProcessDeployer deploys), by form id: what a person
 * may send when they complete a step or start a process. Read once at start-up.
 */
@Component
public class FormFields {

  private final Map<String, Set<String>> byForm = new HashMap<>();

  public FormFields(ObjectMapper json) {
    try {
      for (Resource r : new PathMatchingResourcePatternResolver().getResources("classpath*:forms/*.form")) {
        try (InputStream in = r.getInputStream()) {
          JsonNode form = json.readTree(in);
          Set<String> keys = new LinkedHashSet<>();
          collect(form, keys);
          byForm.put(form.path("id").asText(), Set.copyOf(keys));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Không đọc được các biểu mẫu trong forms/", e);
    }
  }

  private static void collect(JsonNode container, Set<String> keys) {
    for (JsonNode c : container.path("components")) {
      if (c.hasNonNull("key")) {
        keys.add(c.get("key").asText());
      }
      collect(c, keys);
    }
  }

  /**
   * The forms' fields that stand for fields generated per dossier, and the prefix of the generated keys: the Hội
   * đồng đánh giá's verdict on each indicator of the dossier's criteria set (cv_tc1_ct1, cv_tc1_ct1_reason), which the
   * step prefills as its own variables (procedure.CouncilVerdicts).
   */
  private static final Map<String, String> GENERATED = Map.of("councilVerdicts", "cv_");

  /** The prefix of the keys generated for a form with these fields, or null when it generates none. */
  public static String generatedPrefix(Set<String> fields) {
    return GENERATED.entrySet().stream().filter(e -> fields.contains(e.getKey())).map(Map.Entry::getValue)
        .findFirst().orElse(null);
  }

  /** The field keys of the form, or an empty set for an unknown form (which then accepts nothing). */
  public Set<String> of(String formId) {
    return formId == null ? Set.of() : byForm.getOrDefault(formId, Set.of());
  }
}
