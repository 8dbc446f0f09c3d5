package vn.hoctap.community;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface DossierMeetingRepository extends JpaRepository<DossierMeeting, Long> {
  List<DossierMeeting> findByDossierIdOrderById(Long dossierId);
}
