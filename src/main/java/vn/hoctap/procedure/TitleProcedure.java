package vn.hoctap.procedure;

import java.util.Collection;
import vn.hoctap.dossier.Dossier;
import vn.hoctap.dossier.Title;

/** What differs per title when a dossier opens: who may apply, and who may act for the applicant. */
public interface TitleProcedure {

  Title title();

  /** Checks the applicant and the actor, then opens the dossier through {@link DossierWorkflow#open}. */
  Dossier open(String applicantCode, Integer level, Integer year, String actor, Collection<String> actorGroups);
}
