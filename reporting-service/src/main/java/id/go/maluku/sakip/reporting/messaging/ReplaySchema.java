package id.go.maluku.sakip.reporting.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * Where a rebuild's replay writes: a schema of its own beside the live model, so that readers
 * keep the live model until the rebuilt one is complete (Rebuilder swaps them in one
 * transaction). The apply path names its tables without a schema; on a rebuild's thread each
 * transaction puts this schema first on its search path (set_config local to the transaction),
 * and the same code writes the shadow tables. The live channel's transactions never do.
 */
@ApplicationScoped
public class ReplaySchema {

    public static final String SCHEMA = "rm_rebuild";

    private final ThreadLocal<Boolean> active = ThreadLocal.withInitial(() -> false);

    public void activate() {
        active.set(true);
    }

    public void deactivate() {
        active.remove();
    }

    /** Call first in a transaction: on a rebuild's thread, its unqualified tables are the shadow's. */
    public void enter(EntityManager em) {
        if (active.get()) {
            em.createNativeQuery("select set_config('search_path', '" + SCHEMA + ", public', true)").getSingleResult();
        }
    }
}
