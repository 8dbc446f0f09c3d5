package vn.hoctap.deadline;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import vn.hoctap.org.UnitKind;

interface DeadlineRuleRepository extends JpaRepository<DeadlineRule, Long> {
  @Query("select r from DeadlineRule r where r.procedure = ?1 and r.unitTier = ?2 and r.kind = ?3"
      + " and (r.provinceId is null or r.provinceId = ?4) and (r.assessmentYear is null or r.assessmentYear = ?5)")
  List<DeadlineRule> candidates(String procedure, UnitKind.Tier tier, DeadlineKind kind, Long provinceId, int year);
}

interface DeadlineExtensionRepository extends JpaRepository<DeadlineExtension, Long> {
  Optional<DeadlineExtension> findFirstByUnitIdAndProcedureAndKindAndAssessmentYearOrderByGrantedAtDesc(
      Long unitId, String procedure, DeadlineKind kind, int assessmentYear);
}
