package cn.emall.catalog;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** A supplier's listing of one product model (identified within the supplier by brand + model). */
@Entity
@Table(name = "product")
public class Product {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "supplier_id")
    public Long supplierId;

    @Column(name = "category_code")
    public String categoryCode;

    public String brand;

    public String model;

    public String name;

    public BigDecimal price;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "parameters")
    public String parametersJson;

    @Enumerated(EnumType.STRING)
    public ProductStatus status;

    /** The start of the current listing period: first listing or latest relisting. */
    @Column(name = "listed_on")
    public LocalDate listedOn;

    @Column(name = "taken_down_on")
    public LocalDate takenDownOn;

    @Column(name = "takedown_reason")
    public String takedownReason;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Version
    public int version;
}
