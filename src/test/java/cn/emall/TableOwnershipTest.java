package cn.emall;

import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaFieldAccess;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinTable;
import jakarta.persistence.Table;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static java.util.Map.entry;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each table has one owning capability, and only that capability's package writes it (STYLE.md "One
 * owner per state change"): others call its operations. {@link #OWNER_OF_TABLE} is the one place that
 * says who owns what. Checked here: the SQL and JPQL in the main sources ({@link SqlWrites}), the JPA
 * entities (an entity's package owns its tables, since Panache writes through it), and that no class
 * writes another capability's entities through their fields or repositories.
 */
class TableOwnershipTest {

    /** Every table of the schema (src/main/resources/db/migration) and the top-level package that owns it. */
    static final Map<String, String> OWNER_OF_TABLE = Map.ofEntries(
            entry("supplier", "supplier"),
            entry("supplier_material", "supplier"),
            entry("document", "document"),
            entry("document_content", "document"),
            entry("document_use", "document"),
            entry("event", "events"),
            entry("event_horizon", "events"),
            entry("event_consumer", "events"),
            entry("webhook", "webhooks"),
            entry("webhook_delivery", "webhooks"),
            entry("webhook_attempt", "webhooks"),
            entry("account", "account"),
            entry("login_throttle", "account"),
            entry("audit_entry", "audit"),
            entry("category", "catalog"),
            entry("product", "catalog"),
            entry("sale_line", "ledger"),
            entry("sales_daily", "ledger"),
            entry("calendar_year", "calendar"),
            entry("notice", "enforcement"),
            entry("appeal", "enforcement"),
            entry("cleanup_run", "enforcement"),
            entry("cleanup_action", "enforcement"),
            entry("credit_entry", "credit"),
            entry("mail_delivery", "mail"));

    /**
     * Packages that may write any table, and why. The demo seeder fills an empty database with a
     * reproducible demo e-mall in bulk (PostgreSQL COPY, foreign keys suspended): it is off unless
     * {@code emall.demo-data.enabled}, never in production, and runs before any capability does.
     */
    static final Map<String, String> EXCEPTIONS = Map.of(
            "demo", "bulk demo-data seeder (COPY into an empty database, emall.demo-data.enabled only)");

    private static final Path MAIN_SOURCES = Path.of("src/main/java");
    private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");
    private static final Pattern CREATE_TABLE = Pattern.compile(
            "\\bcreate\\s+(?:unlogged\\s+)?table\\s+(?:if\\s+not\\s+exists\\s+)?(?:\\w+\\.)?\"?(\\w+)\"?",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern PACKAGE = Pattern.compile("^package\\s+([\\w.]+)\\s*;", Pattern.MULTILINE);
    private static final Set<String> REPOSITORY_WRITES = Set.of("persist", "persistAndFlush", "update", "delete",
            "deleteAll", "deleteById");

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("cn.emall");

    @Test
    void everyTableOfTheSchemaHasOneOwnerAndTheMapNamesNoOtherTable() throws IOException {
        Set<String> tables = new TreeSet<>();
        try (Stream<Path> files = Files.list(MIGRATIONS)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".sql")).toList()) {
                Matcher created = CREATE_TABLE.matcher(Files.readString(file, StandardCharsets.UTF_8));
                while (created.find()) {
                    tables.add(created.group(1).toLowerCase(Locale.ROOT));
                }
            }
        }
        assertEquals(tables, new TreeSet<>(OWNER_OF_TABLE.keySet()),
                "the tables the migrations create and the tables of OWNER_OF_TABLE differ");
        Set<String> packages = topLevelPackages();
        for (String owner : new TreeSet<>(OWNER_OF_TABLE.values())) {
            assertTrue(packages.contains(owner), "owner " + owner + " is not a package under cn.emall");
        }
    }

    @Test
    void onlyTheOwningPackageWritesATableWithSql() throws IOException {
        List<String> violations = new ArrayList<>();
        Map<String, String> tableOfEntity = tableOfEntityName();
        try (Stream<Path> files = Files.walk(MAIN_SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                String source = Files.readString(file, StandardCharsets.UTF_8);
                String writer = topLevelPackage(packageOf(source, file));
                if (EXCEPTIONS.containsKey(writer)) {
                    continue;
                }
                for (SqlWrites.Write write : SqlWrites.in(source)) {
                    String table = tableOfEntity.getOrDefault(write.table(), write.table());
                    check(file + ":" + write.line(), table, writer).ifPresent(violations::add);
                }
            }
        }
        assertTrue(violations.isEmpty(), "SQL writes a table another package owns:\n" + String.join("\n", violations));
    }

    @Test
    void anEntitysPackageOwnsItsTables() {
        List<String> violations = new ArrayList<>();
        for (JavaClass javaClass : MAIN) {
            String writer = topLevelPackage(javaClass.getPackageName());
            if (javaClass.isAnnotatedWith(Entity.class)) {
                check(javaClass.getName(), tableOf(javaClass), writer).ifPresent(violations::add);
            }
            for (JavaField field : javaClass.getFields()) {
                field.tryGetAnnotationOfType(CollectionTable.class).filter(table -> !table.name().isEmpty())
                        .flatMap(table -> check(field.getFullName(), table.name(), writer)).ifPresent(violations::add);
                field.tryGetAnnotationOfType(JoinTable.class).filter(table -> !table.name().isEmpty())
                        .flatMap(table -> check(field.getFullName(), table.name(), writer)).ifPresent(violations::add);
            }
        }
        assertTrue(violations.isEmpty(), "an entity maps a table its package does not own:\n"
                + String.join("\n", violations));
    }

    @Test
    void noPackageWritesAnotherPackagesEntities() {
        List<String> violations = new ArrayList<>();
        for (JavaClass javaClass : MAIN) {
            String writer = topLevelPackage(javaClass.getPackageName());
            if (EXCEPTIONS.containsKey(writer)) {
                continue;
            }
            for (JavaFieldAccess access : javaClass.getFieldAccessesFromSelf()) {
                JavaClass target = access.getTargetOwner();
                if (access.getAccessType() == JavaFieldAccess.AccessType.SET && isPersistent(target)) {
                    foreign(access, target, writer).ifPresent(violations::add);
                }
            }
            for (JavaMethodCall call : javaClass.getMethodCallsFromSelf()) {
                JavaClass target = call.getTargetOwner();
                if (REPOSITORY_WRITES.contains(call.getName()) && (target.isAssignableTo(PanacheRepositoryBase.class)
                        || target.isAssignableTo(PanacheEntityBase.class))) {
                    foreign(call, target, writer).ifPresent(violations::add);
                }
            }
        }
        assertTrue(violations.isEmpty(), "a package writes another package's entities; call the owner's operation "
                + "instead:\n" + String.join("\n", violations));
    }

    /** The scanner itself, on the shapes of SQL the sources hold. */
    @Nested
    class Scanner {

        private List<String> tables(String source) {
            return SqlWrites.in(source).stream().map(SqlWrites.Write::table).toList();
        }

        @Test
        void writesAreFoundWhateverTheCaseAndAcrossJoinedLiteralsAndLines() {
            String source = """
                    class Steps {
                        void run() {
                            jdbc.update("INSERT INTO audit_entry (at, actor) "
                                    + "values (?, ?)", at, actor);
                            jdbc.update("update product p "
                                    + "set status = 'TAKEN_DOWN' where p.id = any(?)", ids);
                            jdbc.update("update\\n  supplier   set status = ?", status);
                            jdbc.update("delete " +
                                    "from login_throttle where username = ?", name);
                            em.createQuery("update Supplier s set s.status = :status").executeUpdate();
                        }
                    }
                    """;
            assertEquals(List.of("audit_entry", "product", "supplier", "login_throttle", "supplier"), tables(source));
        }

        @Test
        void textBlocksAndSchemaQualifiedOrQuotedTablesAreRead() {
            String source = "class Facts {\n String sql = \"\"\"\n    insert into public.\"sales_daily\" (day)\n"
                    + "    select day from sale_line\n    on conflict (day) do update set day = excluded.day\n"
                    + "    \"\"\";\n}\n";
            assertEquals(List.of("sales_daily"), tables(source));
        }

        @Test
        void readsLocksCommentsAndCodeAreNoWrites() {
            String source = """
                    class Reads {
                        // insert into audit_entry is written by the audit trail only
                        /* update supplier set status = 'TERMINATED' */
                        void run() {
                            jdbc.list("select id from supplier where id = any(?) order by id for update", ids);
                            jdbc.list("select * from notice for update skip locked");
                            String text = "to update the listing, set its parameters";
                            char quote = '"';
                            updateSupplierSet(quote);
                        }
                    }
                    """;
            assertEquals(List.of(), tables(source));
        }

        @Test
        void aTableNameBuiltFromAnExpressionIsADynamicWrite() {
            String source = "class Copy { String sql = \"COPY \" + table + \" (\" + columns + \") FROM STDIN\";\n"
                    + " void run() { jdbc.update(\"update \" + TABLE + \" set a = 1\"); } }";
            assertEquals(List.of(SqlWrites.DYNAMIC, SqlWrites.DYNAMIC), tables(source));
        }

        @Test
        void aWriteOfAnUnmappedTableIsAViolation() {
            assertTrue(check("New.java:1", "new_table", "catalog").orElseThrow().contains("not in OWNER_OF_TABLE"));
            assertTrue(check("Step.java:1", "product", "enforcement").orElseThrow().contains("owned by catalog"));
            assertTrue(check("ProductService.java:1", "product", "catalog").isEmpty());
        }
    }

    /** A violation when {@code writer} is not the owner of {@code table}. */
    private static Optional<String> check(String where, String table, String writer) {
        String owner = OWNER_OF_TABLE.get(table);
        if (owner == null) {
            return Optional.of(where + ": " + table + " is written by " + writer + " and is not in "
                    + "OWNER_OF_TABLE" + (SqlWrites.DYNAMIC.equals(table) ? " (the table name is not literal)" : ""));
        }
        return owner.equals(writer) ? Optional.empty()
                : Optional.of(where + ": " + table + " is written by " + writer + ", owned by " + owner);
    }

    private static Optional<String> foreign(JavaAccess<?> access, JavaClass target, String writer) {
        String owner = topLevelPackage(target.getPackageName());
        return owner.equals(writer) ? Optional.empty()
                : Optional.of(access.getDescription() + ": written by " + writer + ", owned by " + owner);
    }

    private static boolean isPersistent(JavaClass javaClass) {
        return javaClass.isAnnotatedWith(Entity.class) || javaClass.isAnnotatedWith(Embeddable.class);
    }

    /** The tables of the entities by entity name, lower case, so that JPQL's {@code update Supplier} reads as its table. */
    private static Map<String, String> tableOfEntityName() {
        Map<String, String> tables = new TreeMap<>();
        for (JavaClass javaClass : MAIN) {
            javaClass.tryGetAnnotationOfType(Entity.class).ifPresent(entity -> tables.put(
                    (entity.name().isEmpty() ? javaClass.getSimpleName() : entity.name()).toLowerCase(Locale.ROOT),
                    tableOf(javaClass)));
        }
        return tables;
    }

    /** The table of an entity: its {@code @Table} name, else its name in snake case (Quarkus' default naming). */
    private static String tableOf(JavaClass entity) {
        return entity.tryGetAnnotationOfType(Table.class).map(Table::name).filter(name -> !name.isEmpty())
                .orElseGet(() -> snakeCase(entity.getAnnotationOfType(Entity.class).name().isEmpty()
                        ? entity.getSimpleName() : entity.getAnnotationOfType(Entity.class).name()))
                .toLowerCase(Locale.ROOT);
    }

    private static String snakeCase(String name) {
        return name.replaceAll("([a-z0-9])([A-Z])", "$1_$2");
    }

    private static Set<String> topLevelPackages() throws IOException {
        try (Stream<Path> children = Files.list(MAIN_SOURCES.resolve("cn/emall"))) {
            return new TreeSet<>(children.filter(Files::isDirectory).map(p -> p.getFileName().toString()).toList());
        }
    }

    private static String packageOf(String source, Path file) {
        Matcher declared = PACKAGE.matcher(source);
        if (!declared.find()) {
            throw new UncheckedIOException(new IOException(file + " declares no package"));
        }
        return declared.group(1);
    }

    /** {@code cn.emall.enforcement.run} -> {@code enforcement}. */
    private static String topLevelPackage(String packageName) {
        String[] parts = packageName.split("\\.");
        return parts.length > 2 ? parts[2] : "";
    }
}
