package id.go.maluku.sakip.reporting.service;

import id.go.maluku.sakip.reporting.readmodel.IndicatorResult;
import id.go.maluku.sakip.reporting.readmodel.RmIndicator;
import id.go.maluku.sakip.reporting.readmodel.RmIndicatorDefinition;
import id.go.maluku.sakip.reporting.readmodel.RmPolicy;
import id.go.maluku.sakip.reporting.readmodel.RmTarget;
import id.go.maluku.sakip.reporting.readmodel.SasaranResult;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Rows of the read model read with plain JDBC (ResultStore, PerformanceReader), as unmanaged
 * objects of the entity classes: each column list goes with the mapper that reads it, in its order.
 */
final class ReadModelRows {

    /** The results' columns, as ResultStore writes them (in the order it binds them) and reads them. */
    static final String INDICATOR_RESULT_WRITTEN = "indicator_id, year, agency_code, sasaran_id, target, realisasi, status, "
            + "capaian, reason, freshness, capaian_raw, category, target_kind, target_text, realisasi_source, "
            + "realisasi_updates, weight, policy_version";
    static final String INDICATOR_RESULT = "id, " + INDICATOR_RESULT_WRITTEN;
    static final String SASARAN_RESULT_WRITTEN = "sasaran_id, year, agency_code, status, capaian, freshness, capaian_raw, "
            + "category, reason, policy_version";
    static final String SASARAN_RESULT = "id, " + SASARAN_RESULT_WRITTEN;

    /** "a = excluded.a, ..." for every column but the key's two. */
    static String updates(String columns) {
        StringBuilder set = new StringBuilder();
        for (String column : columns.split(",\\s*")) {
            if (column.equals("indicator_id") || column.equals("sasaran_id") || column.equals("year")) {
                continue;
            }
            set.append(set.length() == 0 ? "" : ", ").append(column).append(" = excluded.").append(column);
        }
        return set.toString();
    }

    static final String INDICATOR = "indicator_id, agency_code, sasaran_id, code, name, unit, polarity, event_time";

    static RmIndicator indicator(ResultSet rows) throws SQLException {
        RmIndicator r = new RmIndicator();
        r.indicatorId = rows.getObject(1, UUID.class);
        r.agencyCode = rows.getString(2);
        r.sasaranId = rows.getObject(3, UUID.class);
        r.code = rows.getString(4);
        r.name = rows.getString(5);
        r.unit = rows.getString(6);
        r.polarity = rows.getString(7);
        r.eventTime = rows.getObject(8, OffsetDateTime.class);
        return r;
    }

    static final String DEFINITION = "indicator_id, polarity, aggregation, weight, scale, iku, event_time";

    static RmIndicatorDefinition definition(ResultSet rows) throws SQLException {
        RmIndicatorDefinition d = new RmIndicatorDefinition();
        d.indicatorId = rows.getObject(1, UUID.class);
        d.polarity = rows.getString(2);
        d.aggregation = rows.getString(3);
        d.weight = rows.getBigDecimal(4);
        d.scale = rows.getString(5);
        d.iku = rows.getBoolean(6);
        d.eventTime = rows.getObject(7, OffsetDateTime.class);
        return d;
    }

    interface RowReader {
        void read(ResultSet rows) throws SQLException;
    }

    static void each(PreparedStatement statement, RowReader reader) throws SQLException {
        try (ResultSet rows = statement.getResultSet()) {
            while (rows.next()) {
                reader.read(rows);
            }
        }
    }

    static void next(PreparedStatement statement, RowReader reader) throws SQLException {
        if (!statement.getMoreResults()) {
            throw new IllegalStateException("a statement of a multi-statement read returned no rows");
        }
        each(statement, reader);
    }

    static final String TARGET = "indicator_id, year, kind, value, range_low, range_high, level, event_time";

    static RmTarget target(ResultSet rows) throws SQLException {
        RmTarget t = new RmTarget();
        t.indicatorId = rows.getObject(1, UUID.class);
        t.year = rows.getInt(2);
        t.kind = rows.getString(3);
        t.value = rows.getBigDecimal(4);
        t.rangeLow = rows.getBigDecimal(5);
        t.rangeHigh = rows.getBigDecimal(6);
        t.level = rows.getString(7);
        t.eventTime = rows.getObject(8, OffsetDateTime.class);
        return t;
    }

    static final String POLICY = "agency_code, version, bands, cap, negative_formula, zero_target, ordinal_not_met, event_time, "
            + "category_basis, label_below, label_met, label_exceeded";

    static RmPolicy policy(ResultSet rows) throws SQLException {
        RmPolicy p = new RmPolicy();
        p.agencyCode = rows.getString(1);
        p.version = rows.getInt(2);
        p.bands = rows.getString(3);
        p.cap = rows.getBigDecimal(4);
        p.negativeFormula = rows.getString(5);
        p.zeroTarget = rows.getString(6);
        p.ordinalNotMet = rows.getString(7);
        p.eventTime = rows.getObject(8, OffsetDateTime.class);
        p.categoryBasis = rows.getString(9);
        p.labelBelow = rows.getString(10);
        p.labelMet = rows.getString(11);
        p.labelExceeded = rows.getString(12);
        return p;
    }

    static IndicatorResult indicatorResult(ResultSet rows) throws SQLException {
        IndicatorResult r = new IndicatorResult();
        int i = 1;
        r.id = rows.getLong(i++);
        r.indicatorId = rows.getObject(i++, UUID.class);
        r.year = rows.getInt(i++);
        r.agencyCode = rows.getString(i++);
        r.sasaranId = rows.getObject(i++, UUID.class);
        r.target = rows.getBigDecimal(i++);
        r.realisasi = rows.getBigDecimal(i++);
        r.status = rows.getString(i++);
        r.capaian = rows.getBigDecimal(i++);
        r.reason = rows.getString(i++);
        r.freshness = rows.getObject(i++, OffsetDateTime.class);
        r.capaianRaw = rows.getBigDecimal(i++);
        r.category = rows.getString(i++);
        r.targetKind = rows.getString(i++);
        r.targetText = rows.getString(i++);
        r.realisasiSource = rows.getString(i++);
        r.realisasiUpdates = rows.getInt(i++);
        r.weight = rows.getBigDecimal(i++);
        r.policyVersion = rows.getInt(i);
        return r;
    }

    static SasaranResult sasaranResult(ResultSet rows) throws SQLException {
        SasaranResult s = new SasaranResult();
        int i = 1;
        s.id = rows.getLong(i++);
        s.sasaranId = rows.getObject(i++, UUID.class);
        s.year = rows.getInt(i++);
        s.agencyCode = rows.getString(i++);
        s.status = rows.getString(i++);
        s.capaian = rows.getBigDecimal(i++);
        s.freshness = rows.getObject(i++, OffsetDateTime.class);
        s.capaianRaw = rows.getBigDecimal(i++);
        s.category = rows.getString(i++);
        s.reason = rows.getString(i++);
        s.policyVersion = rows.getInt(i);
        return s;
    }

    private ReadModelRows() {
    }
}
