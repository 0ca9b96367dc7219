package cn.emall.catalog;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;

/** A category and its parameter template (stored as the JSON array of its parameters). */
@Entity
@Table(name = "category")
public class Category {

    @Id
    public String code;

    public String name;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "parameters")
    public String parametersJson;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Version
    public int version;
}
