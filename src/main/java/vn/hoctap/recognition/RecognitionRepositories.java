package vn.hoctap.recognition;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface RecognitionRepository extends JpaRepository<Recognition, Long> {
  Optional<Recognition> findByDossierId(Long dossierId);

  // revoked recognitions (document_revocation, RecognitionService.notRevoked) are left out
  @Query(value = "select r.* from recognition r where r.unit_id = ?1 and not exists (select 1 from"
      + " document_revocation rv where rv.subject_kind = 'RECOGNITION' and rv.subject_id = r.id)"
      + " order by r.decision_date desc", nativeQuery = true)
  List<Recognition> notRevokedOfUnit(Long unitId);
}

interface CertificateRepository extends JpaRepository<Certificate, Long> {
  Optional<Certificate> findByRecognitionId(Long recognitionId);
}

interface NotificationRepository extends JpaRepository<Notification, Long> {
  List<Notification> findByDossierIdOrderById(Long dossierId);

  List<Notification> findTop100ByRecipientGroupInOrderByIdDesc(Collection<String> groups);
}
