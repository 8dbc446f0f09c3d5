package vn.hoctap.citizen;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import vn.hoctap.criteria.CriteriaSet;
import vn.hoctap.criteria.Indicator;
import vn.hoctap.criteria.IndicatorInput;
import vn.hoctap.dossier.Dossier;
import vn.hoctap.dossier.Title;

/**
 * Feeds "Đơn vị học tập" TC3.CT1 (share of members holding "Công dân học tập") and TC3.CT1.HS (share of learners,
 * education institutions) from the unit's latest recognised round: the self-assessment opens with the counts
 * filled in and a note naming the round and its decision, with the link to it. The team can still change them;
 * values the team has already saved are never overwritten.
 */
@Component
public class LearningUnitFeed {

  public static final String MEMBERS = "TC3.CT1";
  public static final String LEARNERS = "TC3.CT1.HS";

  private final RoundService rounds;

  LearningUnitFeed(RoundService rounds) {
    this.rounds = rounds;
  }

  /** The values to show: {@code saved} plus the round's counts for the indicators the team has not filled yet. */
  public Map<String, IndicatorInput> withRoundCounts(Dossier d, CriteriaSet set, Map<String, IndicatorInput> saved) {
    if (d.getTitle() != Title.LEARNING_UNIT) {
      return saved;
    }
    Map<String, IndicatorInput> out = new LinkedHashMap<>(saved);
    for (Indicator i : set.indicators()) {
      boolean learners = LEARNERS.equals(i.code());
      if (!(learners || MEMBERS.equals(i.code())) || !i.appliesTo(d.getUnit().profile())) {
        continue;
      }
      IndicatorInput current = saved.get(i.code());
      if (current != null && current.met() != null) {
        continue;
      }
      Optional<RoundService.Ratio> ratio = rounds.latestRatio(d.getUnit().getId(), d.getAssessmentYear(), learners);
      ratio.ifPresent(r -> out.put(i.code(), IndicatorInput.ofCounts(r.recognised(), r.total())
          .withNote(r.describe(learners ? "người học" : "thành viên"))));
    }
    return out;
  }
}
