package vn.hoctap.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Vietnamese translation of the Camunda webapps (src/main/resources/META-INF/resources/webjars/camunda/app/*)
 * stays complete against the webjar's English, and each app's overriding config.js offers it.
 */
class WebappLocaleTest {

  private static final String APP = "META-INF/resources/webjars/camunda/app/";
  private static final Path OVERRIDES = Path.of("src/main/resources", APP);
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([^}]*?)\\s*}}");
  private static final ObjectMapper JSON = new ObjectMapper();

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void vietnameseCoversEveryEnglishKeyWithItsPlaceholders(String app) throws IOException {
    Map<String, JsonNode> en = flatten(readWebjarEnglish(app));
    Path viFile = OVERRIDES.resolve(app + "/locales/vi.json");
    assertThat(viFile).exists();
    Map<String, JsonNode> vi = flatten(JSON.readTree(Files.readAllBytes(viFile)));

    assertThat(vi.keySet()).as("%s vi.json keys", app).containsAll(en.keySet());

    List<String> problems = new ArrayList<>();
    en.forEach((key, english) -> {
      JsonNode viet = vi.get(key);
      if (english.isTextual()) {
        if (!viet.isTextual()) {
          problems.add(key + ": not a string");
          return;
        }
        String e = english.asText();
        String v = viet.asText();
        if (!e.isBlank() && v.isBlank() && !isPluralSuffix(key, e)) {
          problems.add(key + ": empty");
        }
        for (String p : placeholders(e)) {
          if (!placeholders(v).contains(p)) {
            problems.add(key + ": lacks {{" + p + "}}");
          }
        }
      } else if (english.isArray()) {
        if (!viet.isArray() || viet.size() != english.size()) {
          problems.add(key + ": array of " + english.size() + " expected");
        } else {
          viet.forEach(item -> {
            if (item.asText().isBlank()) {
              problems.add(key + ": empty item");
            }
          });
        }
      } else if (viet == null || viet.isNull()) {
        problems.add(key + ": missing");
      }
    });
    assertThat(problems).as("%s vi.json", app).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void overridingConfigOffersVietnamese(String app) throws IOException {
    Path config = OVERRIDES.resolve(app + "/scripts/config.js");
    assertThat(config).exists();
    String js = Files.readString(config, StandardCharsets.UTF_8);
    Matcher available = Pattern.compile("(?m)^\\s*['\"]?availableLocales['\"]?\\s*:\\s*\\[([^]]*)]").matcher(js);
    assertThat(available.find()).as("%s config.js has an active availableLocales", app).isTrue();
    assertThat(available.group(1)).contains("'vi'").contains("'en'");
    assertThat(js).containsPattern("(?m)^\\s*['\"]?fallbackLocale['\"]?\\s*:\\s*['\"]vi['\"]");
    if (app.equals("tasklist") || app.equals("welcome")) { // the apps whose config.js has a dateFormat option
      assertThat(js).containsPattern("(?m)^\\s*short\\s*:\\s*'DD/MM/YYYY'");
    }
    // the override is the file the running application serves: it comes before the webjar's
    URL served = getClass().getClassLoader().getResource(APP + app + "/scripts/config.js");
    assertThat(served).isNotNull();
    assertThat(served.toString()).doesNotContain("camunda-webapp-webjar");
  }

  /**
   * Cockpit's plural-suffix labels (e.g. PLGN_BATCH_S = "s") have no Vietnamese counterpart: Vietnamese nouns do
   * not inflect, so these alone are left empty.
   */
  private static boolean isPluralSuffix(String key, String english) {
    return key.endsWith("_S") && english.equals("s");
  }

  private static JsonNode readWebjarEnglish(String app) throws IOException {
    // the webjar's own English: search the classpath for the copy inside camunda-webapp-webjar
    Iterator<URL> urls = WebappLocaleTest.class.getClassLoader()
        .getResources(APP + app + "/locales/en.json").asIterator();
    assertThat(urls.hasNext()).as("%s en.json on the classpath", app).isTrue();
    URL chosen = null;
    while (urls.hasNext()) {
      URL url = urls.next();
      if (chosen == null || url.toString().contains("camunda-webapp-webjar")) {
        chosen = url;
      }
    }
    try (InputStream in = chosen.openStream()) {
      return JSON.readTree(in); // Jackson skips the UTF-8 byte order mark the webjar's files start with
    }
  }

  private static Map<String, JsonNode> flatten(JsonNode root) {
    Map<String, JsonNode> out = new LinkedHashMap<>();
    flatten("", root, out);
    return out;
  }

  private static void flatten(String prefix, JsonNode node, Map<String, JsonNode> out) {
    if (node.isObject()) {
      node.fields().forEachRemaining(e -> flatten(prefix + e.getKey() + ".", e.getValue(), out));
    } else {
      out.put(prefix.substring(0, prefix.length() - 1), node);
    }
  }

  private static Set<String> placeholders(String text) {
    Set<String> found = new LinkedHashSet<>();
    Matcher m = PLACEHOLDER.matcher(text);
    while (m.find()) {
      found.add(m.group(1).replaceAll("\\s+", ""));
    }
    return found;
  }
}
