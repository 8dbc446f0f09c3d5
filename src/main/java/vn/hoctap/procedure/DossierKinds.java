package vn.hoctap.procedure;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.hoctap.common.Dates;
import vn.hoctap.common.EngineClock;
import vn.hoctap.dossier.Dossier;
import vn.hoctap.dossier.DossierKind;
import vn.hoctap.dossier.DossierKindRules;
import vn.hoctap.dossier.DossierKindRules.Parameter;
import vn.hoctap.dossier.DossierKindRules.Rule;
import vn.hoctap.dossier.Title;
import vn.hoctap.org.OrgUnit;
import vn.hoctap.org.UnitKind;
import vn.hoctap.recognition.Recognition;
import vn.hoctap.recognition.RecognitionService;

/**
 * The rule of each dossier kind, on hoctap's own recognitions of the applicant: công nhận lần đầu only without
 * one; công nhận lại once the previous one's retention has run out (TT24 Điều 5/11 khoản 4, TT25 Điều 5/10/15
 * khoản 4); nâng mức độ to level 2 at least 12 months after the level-1 decision (TT24 Điều 5/11 khoản 3). Used
 * when a dossier is opened, when it is submitted, and first in every refusal.
 */
@Service
public class DossierKinds {

  private final RecognitionService recognitions;
  private final DossierKindRules rules;
  private final EngineClock clock;

  DossierKinds(RecognitionService recognitions, DossierKindRules rules, EngineClock clock) {
    this.recognitions = recognitions;
    this.rules = rules;
    this.clock = clock;
  }

  /**
   * The applicant's recognitions of the title decided by today, newest decision first, except the one of the dossier
   * itself: its own and those of a dissolved predecessor mapped to it, never a revoked one (RecognitionService.HELD).
   */
  private List<Recognition> held(OrgUnit applicant, Title title, Long ownDossierId) {
    LocalDate today = clock.today();
    return recognitions.heldBy(applicant.getId()).stream()
        .filter(r -> r.getTitle() == title && !Objects.equals(r.getDossierId(), ownDossierId)
            && !r.getDecisionDate().isAfter(today)).toList();
  }

  /**
   * The kind a request is, from the applicant's recognitions: none → first recognition (level 2 → upgrade, which
   * then names the missing level 1); level 2 without a level-2 recognition → upgrade; otherwise công nhận lại.
   */
  private static DossierKind derive(List<Recognition> held, int level) {
    if (level == 2 && held.stream().noneMatch(r -> r.getLevel() == 2)) {
      return DossierKind.UPGRADE;
    }
    return held.isEmpty() ? DossierKind.FIRST : DossierKind.RENEWAL;
  }

  /** A request's kind (the one asked for, or the one derived) and why it is not possible today, if it is not. */
  public record Choice(DossierKind kind, Optional<String> problem) {}

  /**
   * What a dossier being opened is, from one read of the applicant's recognitions: the requested kind, or when none
   * is requested the derived one, and its {@link #problem}.
   */
  @Transactional(readOnly = true)
  public Choice choose(OrgUnit applicant, Title title, DossierKind requested, int level, Long ownDossierId) {
    List<Recognition> held = held(applicant, title, ownDossierId);
    DossierKind kind = requested != null ? requested : derive(held, level);
    return new Choice(kind, problem(applicant, title, kind, level, held));
  }

  /** Why a request of that kind is not possible today, naming the rule and the date it becomes possible. */
  @Transactional(readOnly = true)
  public Optional<String> problem(OrgUnit applicant, Title title, DossierKind kind, int level, Long ownDossierId) {
    return problem(applicant, title, kind, level, held(applicant, title, ownDossierId));
  }

  private Optional<String> problem(OrgUnit applicant, Title title, DossierKind kind, int level,
      List<Recognition> held) {
    LocalDate today = clock.today();
    String name = "\"" + applicant.getName() + "\"";
    return Optional.ofNullable(switch (kind) {
      case FIRST -> {
        if (!held.isEmpty()) {
          Recognition r = held.get(0);
          yield "Không phải công nhận lần đầu: " + name + " đã được công nhận " + title.label() + " mức độ "
              + r.getLevel() + " năm " + r.getAssessmentYear() + " (" + decision(r) + "). Hãy chọn loại hồ sơ “"
              + derive(held, level).label() + "”.";
        }
        yield level == 2 ? upgradeProblem(applicant, title, held, today) : null;
      }
      case UPGRADE -> level != 2
          ? "Công nhận nâng mức độ là đề nghị mức độ 2; hãy chọn mức độ 2 hoặc loại hồ sơ khác."
          : upgradeProblem(applicant, title, held, today);
      case RENEWAL -> renewalProblem(applicant, title, level, held, today);
    });
  }

  private String upgradeProblem(OrgUnit applicant, Title title, List<Recognition> held, LocalDate today) {
    String name = "\"" + applicant.getName() + "\"";
    if (title == Title.LEARNING_COMMUNITY && applicant.assessmentTier() == UnitKind.Tier.COMMUNE
        && !rules.communeUpgradeSameProcedure()) {
      return "Chưa nhận hồ sơ nâng mức độ “Cộng đồng học tập” cấp xã: "
          + rules.rule(title, Parameter.COMMUNE_UPGRADE_SAME_PROCEDURE).cite() + ".";
    }
    Optional<Recognition> level2 = held.stream().filter(r -> r.getLevel() == 2).findFirst();
    if (level2.isPresent()) {
      return "Không phải nâng mức độ: " + name + " đã được công nhận " + title.label() + " mức độ 2 năm "
          + level2.get().getAssessmentYear() + " (" + decision(level2.get()) + "). Hãy chọn loại hồ sơ “"
          + DossierKind.RENEWAL.label() + "”.";
    }
    Rule wait = rules.rule(title, Parameter.UPGRADE_WAIT_MONTHS);
    Optional<Recognition> level1 = held.stream().filter(r -> r.getLevel() == 1).findFirst();
    if (level1.isEmpty()) {
      return "Chưa đủ điều kiện công nhận nâng mức độ: " + name + " chưa có quyết định công nhận " + title.label()
          + " mức độ 1. Mức độ 2 chỉ được đề nghị sau ít nhất " + wait.value() + " tháng kể từ quyết định mức độ 1 ("
          + wait.cite() + ").";
    }
    LocalDate possible = upgradePossibleFrom(title, level1.get());
    if (!today.isBefore(possible)) {
      return null;
    }
    return "Chưa đủ điều kiện công nhận nâng mức độ: mức độ 2 chỉ được đề nghị sau ít nhất " + wait.value()
        + " tháng kể từ quyết định công nhận mức độ 1 (" + decision(level1.get()) + "), tức từ ngày "
        + Dates.vn(possible) + " (" + wait.cite() + "). Có thể đề nghị nâng mức độ từ ngày " + Dates.vn(possible)
        + ".";
  }

  /** The first day level 2 may be requested: the wait counted from the level-1 decision's date. */
  LocalDate upgradePossibleFrom(Title title, Recognition level1) {
    return level1.getDecisionDate().plusMonths(rules.upgradeWaitMonths(title));
  }

  /** The first day level 2 may be requested after the applicant's latest level-1 decision, if it has one. */
  @Transactional(readOnly = true)
  public Optional<LocalDate> upgradePossibleFrom(OrgUnit applicant, Title title) {
    return recognitions.latest(applicant.getId(), title, 1).map(r -> upgradePossibleFrom(title, r));
  }

  private String renewalProblem(OrgUnit applicant, Title title, int level, List<Recognition> held,
      LocalDate today) {
    String name = "\"" + applicant.getName() + "\"";
    List<Recognition> same = held.stream().filter(r -> r.getLevel() >= level).toList();
    if (same.isEmpty()) {
      DossierKind proposed = derive(held, level);
      return "Không phải công nhận lại: " + name + " chưa có quyết định công nhận " + title.label() + " mức độ "
          + level + ". Hãy chọn loại hồ sơ “" + (proposed == DossierKind.RENEWAL ? DossierKind.FIRST : proposed)
          .label() + "”.";
    }
    Recognition last = same.stream().max(Comparator.comparing(this::retainedUntil)).orElseThrow();
    LocalDate until = retainedUntil(last);
    if (today.isAfter(until)) {
      return null;
    }
    return "Chưa đủ điều kiện công nhận lại: kết quả công nhận " + title.label() + " mức độ " + last.getLevel()
        + " năm " + last.getAssessmentYear() + " (" + decision(last) + ") còn được bảo lưu đến hết ngày "
        + Dates.vn(until) + " (" + retentionCite(title) + "). Có thể đề nghị công nhận lại từ ngày "
        + Dates.vn(until.plusDays(1)) + ".";
  }

  /** The last day a recognition is kept, by the rule data as it stands today. */
  public LocalDate retainedUntil(Recognition r) {
    return rules.retainedUntil(r.getTitle(), r.getAssessmentYear(), r.getDecisionDate());
  }

  private String retentionCite(Title title) {
    Rule months = rules.rule(title, Parameter.RETENTION_MONTHS);
    Rule base = rules.rule(title, Parameter.RETENTION_BASE_YEAR);
    return "bảo lưu " + months.value() + " tháng tiếp theo năm được công nhận, " + months.cite()
        + "; năm được công nhận tính theo " + DossierKindRules.BaseYear.valueOf(base.value()).label()
        + (base.confirmed() ? "" : " — " + DossierKindRules.UNCONFIRMED);
  }

  private static String decision(Recognition r) {
    return "quyết định số " + r.getDecisionNo() + " ngày " + Dates.vn(r.getDecisionDate());
  }

  /**
   * The first line of a refusal: the dossier's kind and its rule — why it is not met today, or, for công nhận lại
   * and nâng mức độ, that it is (their rule is named first in every refusal); nothing for a first recognition whose
   * rule is met, which is no reason of the refusal.
   */
  @Transactional(readOnly = true)
  public Optional<String> explain(Dossier d) {
    Optional<String> problem = problem(d.getUnit(), d.getTitle(), d.getKind(), d.getLevel(), d.getId());
    if (problem.isEmpty() && d.getKind() == DossierKind.FIRST) {
      return Optional.empty();
    }
    return Optional.of("Loại hồ sơ “" + d.getKind().label() + "”: " + problem.orElse(switch (d.getKind()) {
      case FIRST -> throw new IllegalStateException("met first recognition has no line");
      case RENEWAL -> "kết quả công nhận trước đã hết thời hạn bảo lưu, điều kiện của loại hồ sơ đáp ứng.";
      case UPGRADE -> "đã đủ " + rules.upgradeWaitMonths(d.getTitle()) + " tháng kể từ quyết định công nhận mức độ 1,"
          + " điều kiện của loại hồ sơ đáp ứng.";
    }));
  }
}
