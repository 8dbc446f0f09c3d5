package vn.hoctap.report;

import java.util.List;

/** What the dashboard shows for one organisation (or for everything a user may see) and optionally one year. */
public record Dashboard(Org org, List<Org> breadcrumb, Integer year, List<Integer> years,
    List<ChildRow> children, List<StatusRow> byTitleYear, List<String> statusLabels, List<StepRow> openSteps,
    List<DossierRow> overdue, List<DossierRow> recentOpen, List<TargetRatio> targets, Totals totals) {

  public record Org(String code, String name, String kindLabel, String path) {}

  public record Totals(long dossiers, long open, long returned, long recognised, long overdue) {}

  /** One organisation under the current one, with the dossiers of its whole subtree. */
  public record ChildRow(Org org, long dossiers, long open, long returned, long recognised) {}

  /** Dossiers of one title and year, counted per status (in DossierStatus order). */
  public record StatusRow(String titleLabel, int year, List<Long> counts, long total) {}

  /** Open tasks of one step (the engine's task name) and the groups that hold them. */
  public record StepRow(String step, long tasks) {}

  /** An open dossier with its current step and the groups holding it; escalatedOn set when it is overdue. */
  public record DossierRow(long dossierId, String titleLabel, String unitName, int year, String statusLabel,
      String step, String groups, String escalatedOn, String processInstanceId) {}

  /**
   * A plan target over a part of the tree: recognised ÷ eligible units (or people, households, clans of the
   * assessment rounds), or no data. ratioPercent is null when the population is not counted by hoctap (yet), or
   * nothing is eligible. basis says what the ratio is taken over when that is not the units of the area (targets
   * counted from the rounds); null otherwise.
   */
  public record TargetRatio(String planName, String issuingBody, String scopeName, Measure measure,
      String population, String targetText, Double targetPercent, Integer targetYear, Long recognised,
      Long eligible, Double ratioPercent, String note, String basis) {

    public boolean hasData() {
      return ratioPercent != null;
    }

    public String ratioText() {
      return ratioPercent == null ? "chưa có dữ liệu" : String.format(java.util.Locale.ROOT, "%.1f %%",
          ratioPercent).replace('.', ',');
    }

    /** "Đạt", "Chưa đạt" or "—" (no number to compare). */
    public String verdict() {
      if (ratioPercent == null || targetPercent == null) {
        return "—";
      }
      return ratioPercent + 1e-9 >= targetPercent ? "Đạt" : "Chưa đạt";
    }

    /** Bar width for the chart, 0–100. */
    public int bar() {
      return ratioPercent == null ? 0 : (int) Math.round(Math.min(100, ratioPercent));
    }
  }
}
