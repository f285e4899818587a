package id.go.maluku.sakip.reporting.service;

import id.go.maluku.sakip.reporting.readmodel.IndicatorResult;
import id.go.maluku.sakip.reporting.readmodel.RmAgency;
import id.go.maluku.sakip.reporting.readmodel.RmBudgetLine;
import id.go.maluku.sakip.reporting.readmodel.RmBudgetLink;
import id.go.maluku.sakip.reporting.readmodel.RmIndicator;
import id.go.maluku.sakip.reporting.readmodel.RmIndicatorDefinition;
import id.go.maluku.sakip.reporting.readmodel.RmPolicy;
import id.go.maluku.sakip.reporting.readmodel.RmRenstra;
import id.go.maluku.sakip.reporting.readmodel.RmSasaran;
import id.go.maluku.sakip.reporting.readmodel.RmTarget;
import id.go.maluku.sakip.reporting.readmodel.SasaranResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.Session;

import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Reads everything /performance of an agency and year is built from in one round trip to
 * PostgreSQL: one prepared statement of several SQL statements, sent with a single Sync, the
 * first of which makes the transaction a read-only REPEATABLE READ one so that every part is of
 * the same snapshot (as ReadSnapshot does for documents read through Hibernate). Why: while
 * realisasi stream in, every poll of a dashboard finds a new read-model version and rebuilds the
 * document, and through Hibernate that was a dozen round trips, each waiting for CPU on the two
 * shared cores (BENCHMARKS.md, freshness). The rows are plain objects of the entity classes.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class PerformanceReader {

    /** ?1, ?2...: the agency code in every statement, the year where one is named. */
    static final String READ = ""
            + "set transaction isolation level repeatable read, read only;\n"
            + "select agency_id, agency_code, name from rm_agency where agency_code = ? limit 1;\n"
            + "select " + ReadModelRows.INDICATOR_RESULT + " from indicator_result where agency_code = ?;\n"
            + "select " + ReadModelRows.POLICY + " from rm_policy where agency_code = ? order by version desc limit 1;\n"
            + "select " + ReadModelRows.INDICATOR + " from rm_indicator where agency_code = ?;\n"
            + "select " + ReadModelRows.DEFINITION + " from rm_indicator_definition where agency_code = ?;\n"
            + "select sasaran_id, agency_code, code, name, ordinal from rm_sasaran where agency_code = ?;\n"
            + "select " + ReadModelRows.SASARAN_RESULT + " from sasaran_result where agency_code = ? "
            + "and year in (?, ?);\n"
            + "select " + ReadModelRows.TARGET + " from rm_target where indicator_id in "
            + "(select indicator_id from rm_indicator where agency_code = ?);\n"
            + "select agency_code, start_year, end_year from rm_renstra where agency_code = ?;\n"
            + "select line_id, code, name, program_code, unit_code, funding_source, pagu, realisasi, rak, "
            + "realisasi_by_quarter from rm_budget_line where agency_code = ? and fiscal_year = ? order by code, line_id;\n"
            + "select l.line_id, l.sasaran_code from rm_budget_link l join rm_budget_line b on b.line_id = l.line_id "
            + "where b.agency_code = ? and b.fiscal_year = ? order by l.line_id, l.id";

    /** What {@link #read} found; agency null when the agency is unknown (nothing else is then of use). */
    public record Facts(RmAgency agency, List<IndicatorResult> results, RmPolicy policy, List<RmIndicator> indicators,
                        List<RmIndicatorDefinition> definitions, List<RmSasaran> sasaran,
                        List<SasaranResult> sasaranResults, List<RmTarget> targets, RmRenstra renstra,
                        List<RmBudgetLine> lines, List<RmBudgetLink> links) {
    }

    @Inject
    EntityManager em;

    /** The first statements of the caller's transaction. */
    public Facts read(String agencyCode, int year) {
        return em.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(READ)) {
                int i = 1;
                statement.setString(i++, agencyCode); // agency
                statement.setString(i++, agencyCode); // results
                statement.setString(i++, agencyCode); // policy
                statement.setString(i++, agencyCode); // indicators
                statement.setString(i++, agencyCode); // definitions
                statement.setString(i++, agencyCode); // sasaran
                statement.setString(i++, agencyCode); // sasaran results
                statement.setInt(i++, year);
                statement.setInt(i++, year - 1);
                statement.setString(i++, agencyCode); // targets
                statement.setString(i++, agencyCode); // renstra
                statement.setString(i++, agencyCode); // lines
                statement.setInt(i++, year);
                statement.setString(i++, agencyCode); // links
                statement.setInt(i, year);
                statement.execute(); // the set transaction: no rows

                RmAgency[] agency = new RmAgency[1];
                ReadModelRows.next(statement, rows -> {
                    RmAgency a = new RmAgency();
                    a.agencyId = rows.getObject(1, UUID.class);
                    a.agencyCode = rows.getString(2);
                    a.name = rows.getString(3);
                    agency[0] = a;
                });
                List<IndicatorResult> results = new ArrayList<>();
                ReadModelRows.next(statement, rows -> results.add(ReadModelRows.indicatorResult(rows)));
                RmPolicy[] policy = new RmPolicy[1];
                ReadModelRows.next(statement, rows -> policy[0] = ReadModelRows.policy(rows));
                List<RmIndicator> indicators = new ArrayList<>();
                ReadModelRows.next(statement, rows -> indicators.add(ReadModelRows.indicator(rows)));
                List<RmIndicatorDefinition> definitions = new ArrayList<>();
                ReadModelRows.next(statement, rows -> definitions.add(ReadModelRows.definition(rows)));
                List<RmSasaran> sasaran = new ArrayList<>();
                ReadModelRows.next(statement, rows -> {
                    RmSasaran s = new RmSasaran();
                    s.sasaranId = rows.getObject(1, UUID.class);
                    s.agencyCode = rows.getString(2);
                    s.code = rows.getString(3);
                    s.name = rows.getString(4);
                    s.ordinal = rows.getInt(5);
                    sasaran.add(s);
                });
                List<SasaranResult> sasaranResults = new ArrayList<>();
                ReadModelRows.next(statement, rows -> sasaranResults.add(ReadModelRows.sasaranResult(rows)));
                List<RmTarget> targets = new ArrayList<>();
                ReadModelRows.next(statement, rows -> targets.add(ReadModelRows.target(rows)));
                RmRenstra[] renstra = new RmRenstra[1];
                ReadModelRows.next(statement, rows -> {
                    RmRenstra r = new RmRenstra();
                    r.agencyCode = rows.getString(1);
                    r.startYear = rows.getInt(2);
                    r.endYear = rows.getInt(3);
                    renstra[0] = r;
                });
                List<RmBudgetLine> lines = new ArrayList<>();
                ReadModelRows.next(statement, rows -> {
                    RmBudgetLine l = new RmBudgetLine();
                    l.lineId = rows.getObject(1, UUID.class);
                    l.agencyCode = agencyCode;
                    l.fiscalYear = year;
                    l.code = rows.getString(2);
                    l.name = rows.getString(3);
                    l.programCode = rows.getString(4);
                    l.unitCode = rows.getString(5);
                    l.fundingSource = rows.getString(6);
                    l.pagu = rows.getBigDecimal(7);
                    l.realisasi = rows.getBigDecimal(8);
                    l.rak = rows.getString(9);
                    l.realisasiByQuarter = rows.getString(10);
                    lines.add(l);
                });
                List<RmBudgetLink> links = new ArrayList<>();
                ReadModelRows.next(statement, rows -> {
                    RmBudgetLink l = new RmBudgetLink();
                    l.lineId = rows.getObject(1, UUID.class);
                    l.sasaranCode = rows.getString(2);
                    links.add(l);
                });
                return new Facts(agency[0], results, policy[0], indicators, definitions, sasaran, sasaranResults,
                        targets, renstra[0], lines, links);
            }
        });
    }
}
