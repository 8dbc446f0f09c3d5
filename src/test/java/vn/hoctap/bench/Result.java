package vn.hoctap.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One figure of the report. A benchmark that is not built yet reports {@link Status#NOT_BUILT} with its target and
 * no value; nothing is ever estimated or filled in.
 */
record Result(String db, String item, String metric, Double value, String unit, String target, Boolean met,
    Status status, String note, Map<String, Object> details) {

  enum Status { MEASURED, NOT_BUILT, FAILED }

  static Result measured(String db, String item, String metric, double value, String unit, String target,
      Boolean met, String note) {
    return new Result(db, item, metric, value, unit, target, met, Status.MEASURED, note, new LinkedHashMap<>());
  }

  static Result notBuilt(String db, String item, String metric, String target, String note) {
    return new Result(db, item, metric, null, null, target, null, Status.NOT_BUILT, note, new LinkedHashMap<>());
  }

  static Result failed(String db, String item, String metric, String target, Throwable error) {
    return new Result(db, item, metric, null, null, target, null, Status.FAILED, String.valueOf(error),
        new LinkedHashMap<>());
  }

  Result with(String key, Object value) {
    details.put(key, value);
    return this;
  }
}
