package cn.emall.demo;

import cn.emall.platform.db.CopyStream;
import at.favre.lib.crypto.bcrypt.BCrypt;
import cn.emall.supplier.model.CreditCode;
import org.postgresql.copy.CopyManager;

import java.sql.SQLException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The demo suppliers: admitted (ACTIVE) companies of Inner Mongolia, with ids in order of
 * admission, their qualification document and their login. Keeps what the listings and the
 * ledger need: admission dates, cities, trades and sales weights.
 */
final class DemoSuppliers {

    /** The password of every demo supplier login. */
    static final String PASSWORD = "demo-password";

    private static final int BCRYPT_COST = 10;
    private static final String SUPPLIER_COLUMNS = "id, name, credit_code, legal_representative, contact_name,"
            + " contact_phone, email, region, status, applied_at, admitted_on, decided_at, decided_by";
    private static final double LAUNCH_SHARE = 0.25;
    private static final int LAUNCH_DAYS = 90;
    private static final double ZIPF_EXPONENT = 1.1;

    private final int count;
    private final int[] admittedOn;
    private final int[] city;
    private final DemoNames.Trade[] trade;
    private final int[] salesRank;
    private final Profile[] profiles;

    /** What the supplier table says about a supplier besides its id, status and admission date. */
    private record Profile(String name, String creditCode, String legalRepresentative, String contactName,
                           String phone, String email, String region, long appliedAt, long decidedAt) {
    }

    private DemoSuppliers(int count) {
        this.count = count;
        this.profiles = new Profile[count];
        this.admittedOn = new int[count];
        this.city = new int[count];
        this.trade = new DemoNames.Trade[count];
        this.salesRank = new int[count];
    }

    /** Lays out the suppliers: admission dates, cities, trades and sales ranks. */
    static DemoSuppliers plan(int count, DemoTimeline time, DemoPlaces places, SplittableRandom random) {
        DemoSuppliers suppliers = new DemoSuppliers(count);
        suppliers.planAdmissions(time, random);
        Set<String> names = new HashSet<>();
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < count; i++) {
            suppliers.city[i] = places.city(random);
            suppliers.trade[i] = DemoNames.Trade.random(random);
            suppliers.profiles[i] = suppliers.profile(i, random, names, codes);
        }
        suppliers.planSalesRanks(random);
        return suppliers;
    }

    private Profile profile(int i, SplittableRandom random, Set<String> names, Set<String> codes) {
        DemoPlaces.City home = DemoPlaces.CITIES.get(city[i]);
        DemoPlaces.District district = home.district(random);
        String code = creditCode(district.code(), random, codes);
        return new Profile(DemoNames.company(home.name(), trade[i], random, names), code,
                DemoNames.person(random), DemoNames.person(random), DemoNames.phone(home.areaCode(), random),
                DemoNames.email(code, random), "内蒙古自治区" + home.name() + district.name(),
                DemoTimeline.officeHours(admittedOn[i] - 1 - random.nextInt(14), random),
                DemoTimeline.officeHours(admittedOn[i], random));
    }

    /**
     * Writes the suppliers, then each one's business licence (a generated PDF, stored as a document), then their logins, with
     * account ids from {@code firstAccountId}: one COPY at a time, as a connection requires.
     */
    void write(CopyManager copy, long firstAccountId) throws SQLException {
        try (CopyStream rows = new CopyStream(copy, "COPY supplier (" + SUPPLIER_COLUMNS + ") FROM STDIN")) {
            for (int i = 0; i < count; i++) {
                Profile p = profiles[i];
                rows.number(i + 1L).text(p.name()).text(p.creditCode()).text(p.legalRepresentative())
                        .text(p.contactName()).text(p.phone()).text(p.email()).text(p.region()).text("ACTIVE")
                        .timestamp(p.appliedAt()).date(admittedOn[i]).timestamp(p.decidedAt()).text("demo").endRow();
            }
        }
        DemoLicences.Licence[] licences = new DemoLicences.Licence[count];
        for (int i = 0; i < count; i++) {
            Profile p = profiles[i];
            licences[i] = DemoLicences.of(p.name(), p.creditCode(), p.legalRepresentative(), p.region(), admittedOn[i]);
        }
        try (CopyStream rows = new CopyStream(copy,
                "COPY document (id, filename, content_type, size, sha256, kind, uploaded_at, uploader_role, uploaded_by) FROM STDIN")) {
            for (int i = 0; i < count; i++) {
                rows.text(licences[i].id().toString()).text(licences[i].filename()).text("application/pdf")
                        .number(licences[i].bytes().length).text(licences[i].sha256()).text("BUSINESS_LICENSE")
                        .timestamp(profiles[i].appliedAt()).text("OFFICER").text("demo").endRow();
            }
        }
        try (CopyStream rows = new CopyStream(copy, "COPY document_content (document_id, part, bytes) FROM STDIN")) {
            for (int i = 0; i < count; i++) {
                rows.text(licences[i].id().toString()).number(0)
                        .text("\\x" + java.util.HexFormat.of().formatHex(licences[i].bytes())).endRow();
            }
        }
        try (CopyStream rows = new CopyStream(copy, "COPY document_use (document_id, supplier_id, used_by, subject_id, used_at) FROM STDIN")) {
            for (int i = 0; i < count; i++) {
                rows.text(licences[i].id().toString()).number(i + 1L).text("IMPORT").number(i + 1L)
                        .timestamp(profiles[i].decidedAt()).endRow();
            }
        }
        try (CopyStream rows = new CopyStream(copy, "COPY supplier_material (supplier_id, position, kind, document_ref, sha256) FROM STDIN")) {
            for (int i = 0; i < count; i++) {
                rows.number(i + 1L).number(0).text("BUSINESS_LICENSE").text(licences[i].id().toString())
                        .text(licences[i].sha256()).endRow();
            }
        }
        String passwordHash = BCrypt.withDefaults().hashToString(BCRYPT_COST, PASSWORD.toCharArray());
        try (CopyStream rows = new CopyStream(copy, "COPY account (id, username, password_hash, role, supplier_id, created_at) FROM STDIN")) {
            for (int i = 0; i < count; i++) {
                rows.number(firstAccountId + i).text(profiles[i].creditCode()).text(passwordHash).text("SUPPLIER")
                        .number(i + 1L).timestamp(profiles[i].appliedAt()).endRow();
            }
        }
    }

    int count() {
        return count;
    }

    /** The admission date of the supplier with the index (id - 1), as an epoch day. */
    int admittedOn(int supplier) {
        return admittedOn[supplier];
    }

    /** The supplier's city, an index into {@link DemoPlaces#CITIES}. */
    int city(int supplier) {
        return city[supplier];
    }

    DemoNames.Trade trade(int supplier) {
        return trade[supplier];
    }

    /** The supplier's place among the sellers: 1 sells most. */
    int salesRank(int supplier) {
        return salesRank[supplier];
    }

    /** The supplier's share of the sales, relative to the others: Zipf-like, so a few sell most. */
    double salesWeight(int supplier) {
        return Math.pow(salesRank[supplier], -ZIPF_EXPONENT);
    }

    /**
     * A valid credit code not yet in {@code taken}, which it joins: 91 (an enterprise), the
     * district's division code, nine organisation characters (new ones start with MA) and the
     * check character.
     */
    static String creditCode(String divisionCode, SplittableRandom random, Set<String> taken) {
        while (true) {
            StringBuilder code = new StringBuilder(CreditCode.LENGTH).append("91").append(divisionCode);
            boolean recent = random.nextBoolean();
            if (recent) {
                code.append("MA");
            }
            while (code.length() < CreditCode.LENGTH - 1) {
                code.append(CreditCode.CHARSET.charAt(random.nextInt(CreditCode.CHARSET.length())));
            }
            code.append(CreditCode.expectedCheckCharacter(code.toString()));
            if (taken.add(code.toString())) {
                return code.toString();
            }
        }
    }

    /** Admission dates in order, so that ids follow admission: a batch at launch, then all year round. */
    private void planAdmissions(DemoTimeline time, SplittableRandom random) {
        int launch = time.launchDay();
        int span = time.asOfDay() - launch;
        for (int i = 0; i < count; i++) {
            admittedOn[i] = launch + (random.nextDouble() < LAUNCH_SHARE
                    ? random.nextInt(Math.min(LAUNCH_DAYS, span))
                    : random.nextInt(span));
        }
        Arrays.sort(admittedOn);
    }

    private void planSalesRanks(SplittableRandom random) {
        for (int i = 0; i < count; i++) {
            salesRank[i] = i + 1;
        }
        for (int i = count - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = salesRank[i];
            salesRank[i] = salesRank[j];
            salesRank[j] = swap;
        }
    }
}
