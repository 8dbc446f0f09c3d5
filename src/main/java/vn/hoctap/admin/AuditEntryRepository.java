package vn.hoctap.admin;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface AuditEntryRepository extends JpaRepository<AuditEntry, Long> {
  List<AuditEntry> findByTargetTypeAndTargetIdOrderByIdAsc(String targetType, String targetId);
}
