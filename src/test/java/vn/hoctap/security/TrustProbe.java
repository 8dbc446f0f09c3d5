package vn.hoctap.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.hoctap.support.Http.Response;

/** What the trust-boundary tests check after each refused probe: the answer, and the trace in audit_log. */
final class TrustProbe {

  private final JdbcTemplate jdbc;

  TrustProbe(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Refusals of the user recorded in audit_log (target_type REFUSED) whose target starts with the prefix. */
  long refusals(String user, String targetPrefix) {
    return jdbc.queryForObject("select count(*) from audit_log where target_type = 'REFUSED' and action = 'REFUSED'"
        + " and actor = ? and target_id like ?", Long.class, user, targetPrefix + "%");
  }

  long count(String sql, Object... args) {
    return jdbc.queryForObject(sql, Long.class, args);
  }

  String string(String sql, Object... args) {
    return jdbc.queryForObject(sql, String.class, args);
  }

  /** A form field refused: 400, the step's Vietnamese message naming the refused fields. */
  static void assertFieldsRefused(Response r, String... fields) {
    assertThat(r.status()).as(r.body()).isEqualTo(400);
    assertThat(r.body()).contains("chỉ nhận các ô của biểu mẫu").contains("không nhận: " + String.join(", ", fields))
        .contains("Chưa lưu gì");
  }

  /** An operation only administrators have: 403 and the Vietnamese message. */
  static void assertAdminOnly(Response r) {
    assertThat(r.status()).as(r.body()).isEqualTo(403);
    assertThat(r.body()).contains("Thao tác này chỉ dành cho quản trị viên");
  }

  /** A start with instructions or skip flags: 403, only the plain start through the start form is open. */
  static void assertPlainStartOnly(Response r) {
    assertThat(r.status()).as(r.body()).isEqualTo(403);
    assertThat(r.body()).contains("qua biểu mẫu đề nghị");
  }

  /** Camunda's submit-form body: each value as {"value": v}. */
  static Map<String, Object> variables(Map<String, Object> values) {
    Map<String, Object> v = new LinkedHashMap<>();
    values.forEach((k, x) -> v.put(k, Map.of("value", x)));
    return Map.of("variables", v);
  }

  static Map<String, Object> with(Map<String, Object> base, Object... keyValues) {
    Map<String, Object> m = new LinkedHashMap<>(base);
    for (int i = 0; i < keyValues.length; i += 2) {
      m.put((String) keyValues[i], keyValues[i + 1]);
    }
    return m;
  }
}
