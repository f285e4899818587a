package id.go.maluku.sakip.reporting.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * A document is read with several queries while the consumer keeps committing; under READ
 * COMMITTED each query would see another state (a sasaran's new capaian next to its
 * indicator's old realisasi). A read-only REPEATABLE READ transaction gives every query of one
 * document the same snapshot.
 */
@ApplicationScoped
public class ReadSnapshot {

    @Inject
    EntityManager em;

    /** The first statement of the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void begin() {
        em.createNativeQuery("set transaction isolation level repeatable read, read only").executeUpdate();
    }
}
