package cn.emall.catalog.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.emall.testsupport.English;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ParameterTemplateTest {

    private static final String CPU = "CPU model";
    private static final String MEMORY = "Memory";
    private static final String STORAGE = "Storage type";
    private static final String ENERGY = "Energy-saving certified";

    /** A desktop computer category (台式计算机). */
    private static final ParameterTemplate DESKTOP = new ParameterTemplate(List.of(
            text(CPU, true),
            new ParameterSpec(MEMORY, ParameterType.NUMBER, "GB",
                    new BigDecimal("4"), new BigDecimal("256"), null, true),
            new ParameterSpec(STORAGE, ParameterType.ENUM, null, null, null,
                    List.of("SSD", "HDD"), true),
            new ParameterSpec(ENERGY, ParameterType.BOOLEAN, null, null, null, null, false)));

    // Listings

    @Test
    void validListingHasNoViolations() {
        assertEquals(List.of(), DESKTOP.check(validListing()));
    }

    @Test
    void optionalParameterMayBeOmitted() {
        Map<String, Object> listing = validListing();
        listing.remove(ENERGY);

        assertEquals(List.of(), DESKTOP.check(listing));
    }

    @Test
    void optionalParameterMayBeNull() {
        Map<String, Object> listing = validListing();
        listing.put(ENERGY, null);

        assertEquals(List.of(), DESKTOP.check(listing));
    }

    @Test
    void listingMissingRequiredParameterIsRefused() {
        Map<String, Object> listing = validListing();
        listing.remove(MEMORY);

        assertEquals(List.of(shown("parameters.Memory", "required parameter is missing")),
                inEnglish(DESKTOP.check(listing)));
    }

    @Test
    void requiredParameterGivenAsNullCountsAsMissing() {
        Map<String, Object> listing = validListing();
        listing.put(CPU, null);

        assertEquals(List.of(shown("parameters.CPU model", "required parameter is missing")),
                inEnglish(DESKTOP.check(listing)));
    }

    @Test
    void listingWithoutParametersMissesEveryRequiredOne() {
        assertEquals(List.of("parameters.CPU model", "parameters.Memory", "parameters.Storage type"),
                fields(DESKTOP.check(null)));
    }

    @Test
    void unknownParameterIsRefused() {
        Map<String, Object> listing = validListing();
        listing.put("Colour", "black");

        List<Violation> violations = DESKTOP.check(listing);

        assertEquals(List.of("parameters.Colour"), fields(violations));
        assertTrue(English.of(violations.get(0).message()).startsWith("unknown parameter"));
    }

    @Test
    void parameterNamesMatchExactly() {
        Map<String, Object> listing = validListing();
        listing.put("memory", listing.remove(MEMORY));

        assertEquals(List.of("parameters.Memory", "parameters.memory"), fields(DESKTOP.check(listing)));
    }

    @Test
    void textGivenANumberIsAWrongType() {
        Map<String, Object> listing = validListing();
        listing.put(CPU, 12400);

        assertWrongType(DESKTOP.check(listing), "parameters.CPU model");
    }

    @Test
    void blankTextIsRefused() {
        Map<String, Object> listing = validListing();
        listing.put(CPU, "   ");

        assertEquals(List.of(shown("parameters.CPU model", "must not be blank")),
                inEnglish(DESKTOP.check(listing)));
    }

    @Test
    void textLongerThan500CharactersIsRefused() {
        Map<String, Object> listing = validListing();
        listing.put(CPU, "酷".repeat(500));
        assertEquals(List.of(), DESKTOP.check(listing));

        listing.put(CPU, "酷".repeat(501));
        assertEquals(List.of(shown("parameters.CPU model", "must be at most 500 characters")),
                inEnglish(DESKTOP.check(listing)));
    }

    @Test
    void numericStringForNumberIsAWrongType() {
        Map<String, Object> listing = validListing();
        listing.put(MEMORY, "16");

        assertWrongType(DESKTOP.check(listing), "parameters.Memory");
    }

    @Test
    void numberOfAnyJsonNumericKindIsAccepted() {
        for (Object memory : List.of(16, 16L, 16.5, new BigDecimal("16.50"), BigInteger.valueOf(16))) {
            Map<String, Object> listing = validListing();
            listing.put(MEMORY, memory);

            assertEquals(List.of(), DESKTOP.check(listing), "memory " + memory);
        }
    }

    @Test
    void notANumberOrInfinityIsRefused() {
        for (double memory : new double[] {Double.NaN, Double.POSITIVE_INFINITY}) {
            Map<String, Object> listing = validListing();
            listing.put(MEMORY, memory);

            assertEquals(List.of(shown("parameters.Memory", "must be a finite number")),
                    inEnglish(DESKTOP.check(listing)));
        }
    }

    @Test
    void numberBelowMinimumIsRefusedNamingTheBound() {
        Map<String, Object> listing = validListing();
        listing.put(MEMORY, 2);

        assertEquals(List.of(shown("parameters.Memory",
                        "below the minimum: must be between 4 and 256 GB")),
                inEnglish(DESKTOP.check(listing)));
    }

    @Test
    void numberAboveMaximumIsRefusedNamingTheBound() {
        Map<String, Object> listing = validListing();
        listing.put(MEMORY, new BigDecimal("256.5"));

        assertEquals(List.of(shown("parameters.Memory",
                        "above the maximum: must be between 4 and 256 GB")),
                inEnglish(DESKTOP.check(listing)));
    }

    @Test
    void numberOnItsBoundsIsAccepted() {
        for (Object memory : List.of(4, 256.0, new BigDecimal("256.000"))) {
            Map<String, Object> listing = validListing();
            listing.put(MEMORY, memory);

            assertEquals(List.of(), DESKTOP.check(listing), "memory " + memory);
        }
    }

    @Test
    void numberWithOnlyAMinimumNamesThatBound() {
        ParameterTemplate template = new ParameterTemplate(List.of(new ParameterSpec(
                "Power", ParameterType.NUMBER, "W", new BigDecimal("1.50"), null, null, true)));

        assertEquals(List.of(shown("parameters.Power",
                        "below the minimum: must be at least 1.5 W")),
                inEnglish(template.check(Map.of("Power", 1))));
    }

    @Test
    void enumValueOutsideAllowedSetIsRefused() {
        Map<String, Object> listing = validListing();
        listing.put(STORAGE, "NVMe");

        assertEquals(List.of(shown("parameters.Storage type",
                        "not an allowed value, allowed: [SSD, HDD]")),
                inEnglish(DESKTOP.check(listing)));
    }

    @Test
    void enumValueMustMatchExactly() {
        Map<String, Object> listing = validListing();
        listing.put(STORAGE, "ssd");

        assertEquals(List.of(shown("parameters.Storage type",
                        "not an allowed value, allowed: [SSD, HDD]")),
                inEnglish(DESKTOP.check(listing)));
    }

    @Test
    void enumGivenANumberIsAWrongType() {
        Map<String, Object> listing = validListing();
        listing.put(STORAGE, 1);

        assertWrongType(DESKTOP.check(listing), "parameters.Storage type");
    }

    @Test
    void booleanGivenAStringIsAWrongType() {
        Map<String, Object> listing = validListing();
        listing.put(ENERGY, "true");

        assertWrongType(DESKTOP.check(listing), "parameters.Energy-saving certified");
    }

    @Test
    void listOrObjectIsAWrongType() {
        Map<String, Object> listing = validListing();
        listing.put(CPU, List.of("i5-12400"));
        listing.put(MEMORY, Map.of("value", 16));

        List<Violation> violations = DESKTOP.check(listing);

        assertEquals(List.of("parameters.CPU model", "parameters.Memory"), fields(violations));
        violations.forEach(v -> assertTrue(English.of(v.message()).startsWith("wrong type"), English.of(v.message())));
    }

    @Test
    void everyViolationIsReportedInTemplateOrderThenUnknownNamesAlphabetically() {
        Map<String, Object> listing = new HashMap<>();
        listing.put("Weight", 8);
        listing.put(ENERGY, "yes");
        listing.put(STORAGE, "Tape");
        listing.put("Colour", "black");
        listing.put(MEMORY, 1024);

        assertEquals(List.of(
                        "parameters.CPU model",
                        "parameters.Memory",
                        "parameters.Storage type",
                        "parameters.Energy-saving certified",
                        "parameters.Colour",
                        "parameters.Weight"),
                fields(DESKTOP.check(listing)));
    }

    @Test
    void normalizedValuesFollowTemplateOrderWithNumbersAsPlainDecimals() {
        Map<String, Object> listing = new LinkedHashMap<>();
        listing.put(ENERGY, true);
        listing.put(STORAGE, "SSD");
        listing.put(MEMORY, 16.0);
        listing.put(CPU, "Intel Core i5-12400");

        Map<String, Object> normalized = DESKTOP.normalize(listing);

        assertEquals(List.of(CPU, MEMORY, STORAGE, ENERGY), new ArrayList<>(normalized.keySet()));
        assertEquals(new BigDecimal("16"), normalized.get(MEMORY));
        assertEquals("Intel Core i5-12400", normalized.get(CPU));
        assertEquals(true, normalized.get(ENERGY));
    }

    @Test
    void normalizedRoundNumberKeepsItsDigits() {
        Map<String, Object> listing = validListing();
        listing.put(MEMORY, new BigDecimal("128.00"));

        assertEquals("128", ((BigDecimal) DESKTOP.normalize(listing).get(MEMORY)).toString());
    }

    @Test
    void normalizeDropsOptionalParametersGivenAsNull() {
        Map<String, Object> listing = validListing();
        listing.put(ENERGY, null);

        assertEquals(List.of(CPU, MEMORY, STORAGE), new ArrayList<>(DESKTOP.normalize(listing).keySet()));
    }

    @Test
    void normalizeRefusesParametersThatFailTheCheck() {
        Map<String, Object> listing = validListing();
        listing.put(MEMORY, "16");

        assertThrows(IllegalArgumentException.class, () -> DESKTOP.normalize(listing));
    }

    // Template definitions

    @Test
    void desktopTemplateIsValid() {
        assertEquals(List.of(), DESKTOP.violations());
    }

    @Test
    void templateWithDuplicateParameterNamesIsInvalid() {
        ParameterTemplate template = new ParameterTemplate(List.of(
                text(CPU, true), text("Brand series", false), text(CPU, false)));

        assertEquals(List.of(shown("parameters[2].name",
                        "duplicate parameter name 'CPU model', already defined by parameters[0]")),
                inEnglish(template.violations()));
    }

    @Test
    void templateWithMoreThan100ParametersIsInvalid() {
        List<ParameterSpec> specs = new ArrayList<>();
        for (int i = 1; i <= 100; i++) {
            specs.add(text("Parameter " + i, false));
        }
        assertEquals(List.of(), new ParameterTemplate(specs).violations());

        specs.add(text("Parameter 101", false));
        assertEquals(List.of(shown("parameters", "at most 100 parameters, got 101")),
                inEnglish(new ParameterTemplate(specs).violations()));
    }

    @Test
    void nullParameterInTemplateIsInvalid() {
        List<ParameterSpec> specs = new ArrayList<>();
        specs.add(text(CPU, true));
        specs.add(null);

        assertEquals(List.of(shown("parameters[1]", "must not be null")),
                inEnglish(new ParameterTemplate(specs).violations()));
    }

    @Test
    void parameterNameMustBeNonBlankTrimmedAndAtMost64Characters() {
        ParameterTemplate template = new ParameterTemplate(List.of(
                text(" ", true), text(" Memory", true), text("x".repeat(65), true),
                text("x".repeat(64), true)));

        assertEquals(List.of(
                        shown("parameters[0].name", "must not be blank"),
                        shown("parameters[1].name", "must not start or end with whitespace"),
                        shown("parameters[2].name", "must be at most 64 characters")),
                inEnglish(template.violations()));
    }

    @Test
    void parameterWithoutTypeIsInvalid() {
        ParameterTemplate template = new ParameterTemplate(List.of(
                new ParameterSpec(CPU, null, null, null, null, null, true)));

        assertEquals(List.of("parameters[0].type"), fields(template.violations()));
    }

    @Test
    void enumWithoutAllowedValuesIsInvalid() {
        ParameterTemplate template = new ParameterTemplate(List.of(
                new ParameterSpec(STORAGE, ParameterType.ENUM, null, null, null, List.of(), true)));

        assertEquals(List.of(shown("parameters[0].values",
                        "an ENUM parameter needs at least one allowed value")),
                inEnglish(template.violations()));
    }

    @Test
    void enumWithBlankOrRepeatedAllowedValuesIsInvalid() {
        ParameterTemplate template = new ParameterTemplate(List.of(
                new ParameterSpec(STORAGE, ParameterType.ENUM, null, null, null,
                        List.of("SSD", " ", "HDD", "SSD"), true)));

        assertEquals(List.of(
                        shown("parameters[0].values[1]", "must not be blank"),
                        shown("parameters[0].values[3]", "duplicate allowed value 'SSD'")),
                inEnglish(template.violations()));
    }

    @Test
    void onlyEnumMayHaveAllowedValues() {
        ParameterTemplate template = new ParameterTemplate(List.of(
                new ParameterSpec(CPU, ParameterType.TEXT, null, null, null, List.of("i5"), true)));

        assertEquals(List.of(shown("parameters[0].values",
                        "only an ENUM parameter may have allowed values")),
                inEnglish(template.violations()));
    }

    @Test
    void onlyNumberMayHaveUnitOrBounds() {
        ParameterTemplate template = new ParameterTemplate(List.of(
                new ParameterSpec(ENERGY, ParameterType.BOOLEAN, "GB",
                        BigDecimal.ONE, BigDecimal.TEN, null, false)));

        assertEquals(List.of(
                        shown("parameters[0].unit", "only a NUMBER parameter may have a unit"),
                        shown("parameters[0].min", "only a NUMBER parameter may have a minimum"),
                        shown("parameters[0].max", "only a NUMBER parameter may have a maximum")),
                inEnglish(template.violations()));
    }

    @Test
    void numberWithMinimumAboveMaximumIsInvalid() {
        ParameterTemplate template = new ParameterTemplate(List.of(new ParameterSpec(
                MEMORY, ParameterType.NUMBER, "GB", new BigDecimal("256"), new BigDecimal("4"), null, true)));

        assertEquals(List.of(shown("parameters[0].min", "must not be greater than max (4)")),
                inEnglish(template.violations()));
    }

    @Test
    void numberWithBlankUnitIsInvalid() {
        ParameterTemplate template = new ParameterTemplate(List.of(new ParameterSpec(
                MEMORY, ParameterType.NUMBER, " ", null, null, null, true)));

        assertEquals(List.of(shown("parameters[0].unit", "must not be blank when given")),
                inEnglish(template.violations()));
    }

    private static ParameterSpec text(String name, boolean required) {
        return new ParameterSpec(name, ParameterType.TEXT, null, null, null, null, required);
    }

    private static Map<String, Object> validListing() {
        Map<String, Object> listing = new HashMap<>();
        listing.put(CPU, "Intel Core i5-12400");
        listing.put(MEMORY, 16);
        listing.put(STORAGE, "SSD");
        listing.put(ENERGY, true);
        return listing;
    }

    /** A violation as it reads in English: {@code field: message}. */
    private static String shown(String field, String message) {
        return field + ": " + message;
    }

    private static List<String> inEnglish(List<Violation> violations) {
        return violations.stream().map(v -> English.of(v.field(), v.message())).toList();
    }

    private static List<String> fields(List<Violation> violations) {
        return violations.stream().map(Violation::field).toList();
    }

    private static void assertWrongType(List<Violation> violations, String field) {
        assertEquals(List.of(field), fields(violations));
        assertTrue(English.of(violations.get(0).message()).startsWith("wrong type"), English.of(violations.get(0).message()));
    }
}
