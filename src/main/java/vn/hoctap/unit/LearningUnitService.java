package vn.hoctap.unit;

import java.util.Collection;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.hoctap.common.DomainException;
import vn.hoctap.dossier.Dossier;
import vn.hoctap.dossier.Title;
import vn.hoctap.org.Groups;
import vn.hoctap.org.OrgKind;
import vn.hoctap.org.OrgUnit;
import vn.hoctap.procedure.DossierWorkflow;
import vn.hoctap.procedure.TitleProcedure;

/**
 * "Đơn vị học tập" (TT 24/2023/TT-BGDĐT): schools and agencies apply, through their Tổ đánh giá or head.
 * Everything after opening is the shared {@link DossierWorkflow}.
 */
@Service
public class LearningUnitService implements TitleProcedure {

  public static final String PROCEDURE = Title.LEARNING_UNIT.name();

  private final DossierWorkflow workflow;

  LearningUnitService(DossierWorkflow workflow) {
    this.workflow = workflow;
  }

  @Override
  public Title title() {
    return Title.LEARNING_UNIT;
  }

  @Override
  @Transactional
  public Dossier open(String unitCode, Integer level, Integer year, String actor, Collection<String> groups) {
    OrgUnit unit = workflow.applicant(unitCode);
    if (unit.getKind() != OrgKind.UNIT) {
      throw DomainException.badInput("\"" + unit.getName() + "\" không phải trường / cơ quan, đơn vị nên không"
          + " lập hồ sơ Đơn vị học tập.");
    }
    if (!groups.contains(Groups.team(unit.getCode())) && !groups.contains(Groups.head(unit.getCode()))
        && !groups.contains(Groups.ADMIN)) {
      throw DomainException.forbidden("Bạn không thuộc Tổ đánh giá hoặc Ban giám hiệu / lãnh đạo của \""
          + unit.getName() + "\" nên không lập được hồ sơ cho đơn vị này.");
    }
    return workflow.open(Title.LEARNING_UNIT, unit, level, year, actor);
  }
}
