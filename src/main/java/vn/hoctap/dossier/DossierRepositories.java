package vn.hoctap.dossier;

import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

interface DossierRevisionRepository extends JpaRepository<DossierRevision, Long> {
  List<DossierRevision> findByDossierIdOrderByRevisionNo(Long dossierId);
}

interface CriteriaEvaluationRepository extends JpaRepository<CriteriaEvaluationRecord, Long> {
  List<CriteriaEvaluationRecord> findByDossierIdOrderById(Long dossierId);
}

interface DossierEventRepository extends JpaRepository<DossierEvent, Long> {
  List<DossierEvent> findByDossierIdOrderByIdAsc(Long dossierId);

  Optional<DossierEvent> findFirstByDossierIdAndActionInOrderByIdDesc(Long dossierId, List<String> actions);

  Optional<DossierEvent> findFirstByDossierIdAndActionInOrderByIdAsc(Long dossierId, List<String> actions);
}

interface EvidenceRepository extends JpaRepository<Evidence, Long> {
  /** The files' descriptions without their content (a closed projection selects only its properties). */
  List<EvidenceInfo> findByDossierIdOrderById(Long dossierId);

  Optional<Evidence> findByIdAndDossierId(Long id, Long dossierId);

  boolean existsByDossierIdAndSha256(Long dossierId, String sha256);

  /** The listing of the evidence pages: the description with the category and the reviewer's marking. */
  List<EvidenceRow> findAllByDossierIdOrderById(Long dossierId);
}
