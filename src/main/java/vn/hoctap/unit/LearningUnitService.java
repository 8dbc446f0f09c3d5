package vn.hoctap.unit;

import org.springframework.stereotype.Service;
import vn.hoctap.dossier.Title;
import vn.hoctap.org.OrgKind;
import vn.hoctap.org.OrgUnit;
import vn.hoctap.procedure.TitleProcedure;

/**
 * "Đơn vị học tập" (TT 24/2023/TT-BGDĐT): schools and agencies apply, through their Tổ đánh giá or head.
 * Everything else is the shared {@link vn.hoctap.procedure.DossierWorkflow}.
 */
@Service
public class LearningUnitService implements TitleProcedure {

  @Override
  public Title title() {
    return Title.LEARNING_UNIT;
  }

  @Override
  public String whyNotApplicant(OrgUnit org) {
    return org.getKind() == OrgKind.UNIT ? null
        : "\"" + org.getName() + "\" không phải trường / cơ quan, đơn vị nên không lập hồ sơ Đơn vị học tập.";
  }
}
