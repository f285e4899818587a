package id.go.maluku.sakip.planning.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import com.fasterxml.jackson.databind.JsonNode;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import java.util.UUID;

/** A line of a Perjanjian Kinerja: sasaran, indicator and the year's target. */
@Entity
@Table(name = "pk_item")
public class PkItem extends PanacheEntityBase {

    @Id
    public UUID id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "pk_id")
    public PerjanjianKinerja pk;

    @Column(nullable = false)
    public int ordinal;

    @Column(name = "sasaran_code", nullable = false)
    public String sasaranCode;

    @Column(name = "indicator_code", nullable = false)
    public String indicatorCode;

    /** A number, {"low": n, "high": m}, or a scale value, as the indicator needs. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public JsonNode target;
}
