package vn.hoctap.dossier;

import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;

interface DossierRevisionRepository extends JpaRepository<DossierRevision, Long> {
  List<DossierRevision> findByDossierIdOrderByRevisionNo(Long dossierId);
}

interface CriteriaEvaluationRepository extends JpaRepository<CriteriaEvaluationRecord, Long> {
  List<CriteriaEvaluationRecord> findByDossierIdOrderById(Long dossierId);
}

interface DossierEventRepository extends JpaRepository<DossierEvent, Long> {
  List<DossierEvent> findByDossierIdOrderByIdAsc(Long dossierId);

  Optional<DossierEvent> findFirstByDossierIdAndActionInOrderByIdDesc(Long dossierId, List<String> actions);
}

interface EvidenceRepository extends JpaRepository<Evidence, Long> {
  @Query("select e.id as id, e.indicatorCode as indicatorCode, e.fileName as fileName,"
      + " e.contentType as contentType, e.sizeBytes as sizeBytes, e.sha256 as sha256, e.note as note,"
      + " e.uploadedBy as uploadedBy, e.uploadedAt as uploadedAt"
      + " from Evidence e where e.dossierId = ?1 order by e.id")
  List<EvidenceInfo> listInfo(Long dossierId);

  Optional<Evidence> findByIdAndDossierId(Long id, Long dossierId);

  boolean existsByDossierIdAndSha256(Long dossierId, String sha256);
}
