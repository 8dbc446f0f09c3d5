package vn.hoctap.report;

import java.time.LocalDate;
import java.util.List;
import vn.hoctap.report.Dashboard.Org;
import vn.hoctap.report.Dashboard.StatusRow;
import vn.hoctap.report.Dashboard.TargetRatio;
import vn.hoctap.report.Dashboard.Totals;

/**
 * Báo cáo kết quả năm of one organisation: its dossiers of the year by title and status, the recognitions decided
 * for that year, the plan targets as of the end of the year (or today, during the year) and the report due dates.
 */
public record YearlyReport(Org org, int year, LocalDate asOf, LocalDate generatedOn, Totals totals,
    List<String> statusLabels, List<StatusRow> byTitle, List<RecognisedRow> recognised, List<TargetRatio> targets,
    List<DueRow> dues) {

  /** Recognitions of the assessment year, per title and level. */
  public record RecognisedRow(String titleLabel, int level, long units) {}

  public record DueRow(String planName, String reporter, String recipient, LocalDate due) {}
}
