package cn.emall.calendar.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Reads holiday arrangements in the format of the shipped
 * {@code calendar/cn-2023-2026.json} (SPEC "Working-day calendar"):
 * <pre>
 * { "years": [ { "year": 2024,
 *                "holidays": [ { "name": "...", "from": "2024-10-01", "to": "2024-10-07" } ],
 *                "makeupWorkdays": [ "2024-09-29" ] } ] }
 * </pre>
 * Other members (description, timezone, source) are ignored. Parsing does not apply
 * {@link CalendarYear#violations()}; callers decide what to do with a year that breaks a rule.
 */
public final class CalendarData {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private CalendarData() {
    }

    /**
     * @param json the document, read to its end but not closed
     * @return the years in document order
     * @throws IllegalArgumentException when the document is not valid JSON or a member is
     *                                  missing or malformed; the message starts with its path,
     *                                  for example {@code years[1].holidays[0].from}
     * @throws UncheckedIOException     when the stream cannot be read
     */
    public static List<CalendarYear> parse(InputStream json) {
        Objects.requireNonNull(json, "json");
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("the document must be a JSON object");
        }
        JsonNode yearNodes = array(root, "years", "years");
        List<CalendarYear> years = new ArrayList<>();
        for (int i = 0; i < yearNodes.size(); i++) {
            years.add(year(yearNodes.get(i), "years[" + i + "]"));
        }
        return List.copyOf(years);
    }

    private static CalendarYear year(JsonNode node, String path) {
        JsonNode yearNode = member(node, "year", path + ".year");
        if (!yearNode.isIntegralNumber() || !yearNode.canConvertToInt()) {
            throw new IllegalArgumentException(path + ".year: must be an integer, got " + yearNode);
        }
        JsonNode holidayNodes = array(node, "holidays", path + ".holidays");
        List<HolidayRange> holidays = new ArrayList<>();
        for (int i = 0; i < holidayNodes.size(); i++) {
            holidays.add(holiday(holidayNodes.get(i), path + ".holidays[" + i + "]"));
        }
        JsonNode makeupNodes = array(node, "makeupWorkdays", path + ".makeupWorkdays");
        List<LocalDate> makeupWorkdays = new ArrayList<>();
        for (int i = 0; i < makeupNodes.size(); i++) {
            makeupWorkdays.add(date(makeupNodes.get(i), path + ".makeupWorkdays[" + i + "]"));
        }
        return new CalendarYear(yearNode.intValue(), holidays, makeupWorkdays);
    }

    private static HolidayRange holiday(JsonNode node, String path) {
        String name = text(member(node, "name", path + ".name"), path + ".name");
        LocalDate from = date(member(node, "from", path + ".from"), path + ".from");
        LocalDate to = date(member(node, "to", path + ".to"), path + ".to");
        try {
            return new HolidayRange(name, from, to);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(path + "." + e.getMessage(), e);
        }
    }

    private static JsonNode member(JsonNode node, String name, String path) {
        JsonNode value = node.isObject() ? node.get(name) : null;
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException(path + ": missing");
        }
        return value;
    }

    private static JsonNode array(JsonNode node, String name, String path) {
        JsonNode value = member(node, name, path);
        if (!value.isArray()) {
            throw new IllegalArgumentException(path + ": must be an array");
        }
        return value;
    }

    private static String text(JsonNode node, String path) {
        if (!node.isTextual()) {
            throw new IllegalArgumentException(path + ": must be a string, got " + node);
        }
        return node.textValue();
    }

    private static LocalDate date(JsonNode node, String path) {
        String text = text(node, path);
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(path + ": must be a date yyyy-MM-dd, got \"" + text + "\"", e);
        }
    }
}
