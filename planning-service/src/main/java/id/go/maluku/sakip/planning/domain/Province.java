package id.go.maluku.sakip.planning.domain;

import jakarta.validation.constraints.Size;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.util.List;

/** A province and its RPJMD: the governor's visi and misi, held once for all its agencies. */
@Entity
@Table(name = "province")
public class Province extends PanacheEntityBase {

    // kept in province.misi (JSON): the bounds are the plan document's (PlanDocument.CODE, LINE)
    @org.eclipse.microprofile.openapi.annotations.media.Schema(requiredProperties = {"code", "text"})
    public record Misi(@Size(max = 64) String code, @Size(max = 2000) String text) {
    }

    @Id
    public String code;

    @Column(nullable = false)
    public String name;

    @Column(name = "rpjmd_start")
    public Integer rpjmdStart;

    @Column(name = "rpjmd_end")
    public Integer rpjmdEnd;

    public String visi;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<Misi> misi;

    @Column(nullable = false)
    public long revision;
}
