package vn.hoctap.procedure;

import vn.hoctap.dossier.Title;
import vn.hoctap.org.OrgUnit;

/** What differs per title when a dossier opens: which organisations may apply for it. */
public interface TitleProcedure {

  Title title();

  /** Null if the organisation may apply for the title, otherwise the reason shown to the user. */
  String whyNotApplicant(OrgUnit org);
}
