package cn.emall.demo;

import cn.emall.platform.db.CopyStream;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.postgresql.copy.CopyManager;

import java.sql.SQLException;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The demo listings (商品), all LISTED, with ids in order of listing. A supplier lists most of
 * its products soon after admission and only in the categories of its trade; brand + model
 * is unique within a supplier because every model carries the supplier's running number.
 * Keeps what the ledger needs: supplier, listing date, category, price and sales weight.
 */
final class DemoListings {

    private static final double COUNT_SPREAD = 0.8;
    private static final double WEIGHT_SPREAD = 1.0;

    private final int[] supplier;
    private final int[] listedOn;
    private final DemoCategory[] category;
    private final int[] priceCents;
    private final double[] weight;
    private final int[] firstOfSupplier;
    private final int[] bySupplier;

    private DemoListings(int count, int suppliers) {
        supplier = new int[count];
        listedOn = new int[count];
        category = new DemoCategory[count];
        priceCents = new int[count];
        weight = new double[count];
        firstOfSupplier = new int[suppliers + 1];
        bySupplier = new int[count];
    }

    /** Lays out {@code total} listings over the suppliers. */
    static DemoListings plan(int total, DemoSuppliers suppliers, DemoTimeline time, SplittableRandom random) {
        int[] counts = listingCounts(total, suppliers, random);
        DemoListings listings = new DemoListings(total, suppliers.count());
        listings.planDates(counts, suppliers, time, random);
        listings.indexBySupplier(counts);
        listings.planOffers(counts, suppliers, random);
        return listings;
    }

    /** Writes the listings; their names, models and parameters come from {@code random}. */
    void write(CopyManager copy, ObjectMapper json, SplittableRandom random) throws SQLException {
        int[] ordinal = new int[firstOfSupplier.length - 1];
        try (CopyStream rows = new CopyStream(copy, "COPY product (id, supplier_id, category_code, brand, model, name,"
                + " price, parameters, status, listed_on, created_at, updated_at) FROM STDIN")) {
            for (int p = 0; p < supplier.length; p++) {
                DemoCategory.Brand brand = category[p].brand(random);
                String series = brand.series().get(random.nextInt(brand.series().size()));
                String model = series + "-" + ++ordinal[supplier[p]];
                long createdAt = DemoTimeline.officeHours(listedOn[p], random);
                rows.number(p + 1L).number(supplier[p] + 1L).text(category[p].name()).text(brand.name()).text(model)
                        .text(brand.name() + " " + model + " " + category[p].displayName()).cents(priceCents[p])
                        .text(toJson(json, category[p].parameters(random))).text("LISTED").date(listedOn[p])
                        .timestamp(createdAt).timestamp(createdAt).endRow();
            }
        }
    }

    int count() {
        return supplier.length;
    }

    /** The supplier index of the listing with the index (id - 1). */
    int supplier(int listing) {
        return supplier[listing];
    }

    /** The listing date, as an epoch day; listings are in order of it. */
    int listedOn(int listing) {
        return listedOn[listing];
    }

    DemoCategory category(int listing) {
        return category[listing];
    }

    int priceCents(int listing) {
        return priceCents[listing];
    }

    /** The listing's share of the sales, relative to the others. */
    double weight(int listing) {
        return weight[listing];
    }

    /** The number of listings of the supplier. */
    int countOf(int supplierIndex) {
        return firstOfSupplier[supplierIndex + 1] - firstOfSupplier[supplierIndex];
    }

    /** The supplier's {@code n}-th listing in order of listing, {@code n < countOf(supplier)}. */
    int listingOf(int supplierIndex, int n) {
        return bySupplier[firstOfSupplier[supplierIndex] + n];
    }

    /**
     * How many listings each supplier has: one at least, and the rest spread log-normally, the
     * top tenth of sellers counting double, so that the counts add up to {@code total} exactly.
     */
    private static int[] listingCounts(int total, DemoSuppliers suppliers, SplittableRandom random) {
        int n = suppliers.count();
        double[] cumulative = new double[n];
        double sum = 0;
        for (int s = 0; s < n; s++) {
            double sellerFactor = suppliers.salesRank(s) <= Math.max(1, n / 10) ? 2 : 1;
            sum += sellerFactor * Math.exp(COUNT_SPREAD * random.nextGaussian());
            cumulative[s] = sum;
        }
        long extra = (long) total - n;
        int[] counts = new int[n];
        long assigned = 0;
        for (int s = 0; s < n; s++) {
            long upTo = s == n - 1 ? extra : Math.round(extra * (cumulative[s] / sum));
            counts[s] = 1 + (int) (upTo - assigned);
            assigned = upTo;
        }
        return counts;
    }

    /** Listing dates, most soon after admission, sorted so that ids follow them. */
    private void planDates(int[] counts, DemoSuppliers suppliers, DemoTimeline time, SplittableRandom random) {
        long[] keys = new long[supplier.length];
        int k = 0;
        for (int s = 0; s < counts.length; s++) {
            int admitted = suppliers.admittedOn(s);
            int span = time.asOfDay() - admitted;
            for (int j = 0; j < counts[s]; j++) {
                double u = random.nextDouble();
                keys[k++] = ((long) (admitted + (int) (span * u * u)) << 32) | s;
            }
        }
        Arrays.sort(keys);
        for (int p = 0; p < keys.length; p++) {
            listedOn[p] = (int) (keys[p] >>> 32);
            supplier[p] = (int) keys[p];
        }
    }

    private void indexBySupplier(int[] counts) {
        for (int s = 0; s < counts.length; s++) {
            firstOfSupplier[s + 1] = firstOfSupplier[s] + counts[s];
        }
        int[] next = Arrays.copyOf(firstOfSupplier, counts.length);
        for (int p = 0; p < supplier.length; p++) {
            bySupplier[next[supplier[p]]++] = p;
        }
    }

    private void planOffers(int[] counts, DemoSuppliers suppliers, SplittableRandom random) {
        for (int p = 0; p < supplier.length; p++) {
            int s = supplier[p];
            category[p] = suppliers.trade(s).category(random);
            priceCents[p] = category[p].priceCents(random);
            weight[p] = suppliers.salesWeight(s) * category[p].popularity()
                    * Math.exp(WEIGHT_SPREAD * random.nextGaussian()) / counts[s];
        }
    }

    private static String toJson(ObjectMapper json, Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Demo parameters are not serialisable", e);
        }
    }
}
