package vn.hoctap.recognition;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface RecognitionRepository extends JpaRepository<Recognition, Long> {
  Optional<Recognition> findByDossierId(Long dossierId);

  List<Recognition> findByUnitIdOrderByDecisionDateDesc(Long unitId);
}

interface CertificateRepository extends JpaRepository<Certificate, Long> {
  Optional<Certificate> findByRecognitionId(Long recognitionId);
}

interface NotificationRepository extends JpaRepository<Notification, Long> {
  List<Notification> findByDossierIdOrderById(Long dossierId);

  List<Notification> findTop100ByRecipientGroupInOrderByIdDesc(Collection<String> groups);
}
