package id.go.maluku.sakip.reporting.service;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.EntityManager;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.function.ObjIntConsumer;

/**
 * How what a report printed is kept (stated figures, stated totals): a request names one or more
 * tables, and each named table's rows are replaced whole by the request's, in its order; the
 * tables it does not name stay. A table sent again as it stands changes nothing, not even who wrote
 * it. One writer per agency and year at a time: two requests replacing the same table would collide
 * on its unique key.
 */
final class StatedTables {

    private StatedTables() {
    }

    static <T extends PanacheEntityBase> void replace(EntityManager em, String lock, List<T> accepted,
                                                      Function<T, String> tableOf, Function<String, List<T>> storedIn,
                                                      BiPredicate<T, T> sameRow, ObjIntConsumer<T> position) {
        em.createNativeQuery("select pg_advisory_xact_lock(hashtext(?1))").setParameter(1, lock).getSingleResult();
        Map<String, List<T>> byTable = new LinkedHashMap<>();
        accepted.forEach(row -> byTable.computeIfAbsent(tableOf.apply(row), k -> new ArrayList<>()).add(row));
        for (Map.Entry<String, List<T>> table : byTable.entrySet()) {
            List<T> stored = storedIn.apply(table.getKey());
            if (same(stored, table.getValue(), sameRow)) {
                continue;
            }
            stored.forEach(PanacheEntityBase::delete);
            em.flush(); // the unique key is free again before the new rows go in
            int at = 0;
            for (T row : table.getValue()) {
                position.accept(row, at++);
                row.persist();
            }
        }
    }

    private static <T> boolean same(List<T> stored, List<T> wanted, BiPredicate<T, T> sameRow) {
        if (stored.size() != wanted.size()) {
            return false;
        }
        for (int i = 0; i < stored.size(); i++) {
            if (!sameRow.test(stored.get(i), wanted.get(i))) {
                return false;
            }
        }
        return true;
    }
}
