package vn.hoctap.report;

import java.util.List;
import java.util.Set;
import vn.hoctap.citizen.Subject;

/** Kế hoạch: a plan of the movement with its targets and report due dates. */
public record Plan(long id, String code, String name, String issuingBody, String scopeCode, String scopeName,
    String scopePath, int periodFrom, int periodTo, String source, List<Target> targets, List<ReportDue> reportDues) {

  /**
   * One target. populationKind (an OrgKind name) and unitTier (DISTRICT, PROVINCE or EDUCATION, for units) say
   * which organisation units are counted; null populationKind: the population is not in the system. roundSubjects
   * (people, households or clans) makes a title of people, households or clans countable from the assessment
   * rounds' decisions, of the bodies populationKind and unitTier select when set; null: not countable.
   */
  public record Target(long id, Measure measure, String population, String populationKind, String unitTier,
      Set<Subject> roundSubjects, Double targetPercent, Integer targetYear, String note, boolean confirmed) {

    public String targetText() {
      return targetPercent == null ? "—" : (targetPercent % 1 == 0 ? String.valueOf(targetPercent.intValue())
          : String.valueOf(targetPercent)) + " %";
    }
  }

  /** A yearly report due date: day/month of year N + yearOffset, from reporter to recipient. */
  public record ReportDue(long id, String reporter, String recipient, String reporterOrgCode, int month, int day,
      int yearOffset, int remindDaysBefore) {

    public java.time.LocalDate dueFor(int year) {
      return java.time.LocalDate.of(year + yearOffset, month, day);
    }
  }
}
