package vn.hoctap.dossier;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

public interface DossierRepository extends JpaRepository<Dossier, Long>, JpaSpecificationExecutor<Dossier> {

  @Lock(LockModeType.PESSIMISTIC_WRITE)
  @Query("select d from Dossier d where d.id = ?1")
  Optional<Dossier> lockById(Long id);

  Optional<Dossier> findByOpenKey(String openKey);
}
