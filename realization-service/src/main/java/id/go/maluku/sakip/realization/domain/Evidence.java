package id.go.maluku.sakip.realization.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/** Evidence of a realisasi: a file (bytes kept in evidence_content), a link or a text. */
@Entity
@Table(name = "evidence")
public class Evidence extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "realisasi_id", nullable = false)
    public UUID realisasiId;

    /** file, link or text */
    @Column(nullable = false)
    public String kind;

    @Column(name = "file_name")
    public String fileName;

    @Column(name = "content_type")
    public String contentType;

    @Column(name = "size_bytes")
    public Long sizeBytes;

    /** Hex SHA-256 of the file's bytes, computed on receipt. */
    @Column
    public String sha256;

    @Column
    public String url;

    @Column
    public String text;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;
}
