package cn.emall.platform.imports;

import cn.emall.platform.error.ProblemException;
import cn.emall.testsupport.English;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JsonArraySourceTest {

    record Line(String name, Integer count, BigDecimal price, LocalDate day) {
    }

    private static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new JavaTimeModule());

    private static JsonArraySource<Line> source(String json) {
        return new JsonArraySource<>(MAPPER, new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), Line.class);
    }

    @Test
    void elementsAreReadOneByOneAndNumberedFromOne() throws IOException {
        JsonArraySource<Line> source = source("[{\"name\":\"a\",\"count\":1},{\"name\":\"b\",\"price\":\"2.50\"}]");
        Parsed<Line> first = source.next();
        assertEquals(1, first.line());
        assertEquals("a", first.value().name());
        Parsed<Line> second = source.next();
        assertEquals(2, second.line());
        assertEquals(new BigDecimal("2.50"), second.value().price());
        assertNull(source.next());
    }

    @Test
    void byteOrderMarkIsSkipped() throws IOException {
        assertEquals("a", source("\uFEFF[{\"name\":\"a\"}]").next().value().name());
    }

    @Test
    void wrongTypeInOneElementIsALineErrorAndTheNextElementIsRead() throws IOException {
        JsonArraySource<Line> source = source("[{\"name\":\"a\",\"count\":\"many\",\"day\":{\"x\":[1,2]}},{\"name\":\"b\"}]");
        Parsed<Line> bad = source.next();
        assertTrue(bad.isRefused());
        assertEquals(1, bad.line());
        assertEquals("count", bad.errors().get(0).field());
        assertTrue(English.of(bad.errors().get(0).message()).contains("whole number"), bad.errors().toString());
        assertEquals("b", source.next().value().name());
        assertNull(source.next());
    }

    @Test
    void impossibleDateIsALineErrorNamingTheField() throws IOException {
        Parsed<Line> bad = source("[{\"day\":\"2024-02-30\"}]").next();
        assertEquals("day", bad.errors().get(0).field());
        assertTrue(English.of(bad.errors().get(0).message()).contains("real date"));
    }

    @Test
    void unknownFieldIsALineError() throws IOException {
        JsonArraySource<Line> source = source("[{\"name\":\"a\",\"colour\":{\"deep\":[true]}},{\"name\":\"b\"}]");
        Parsed<Line> bad = source.next();
        assertEquals("colour", bad.errors().get(0).field());
        assertEquals("is not a known field", English.of(bad.errors().get(0).message()));
        assertEquals("b", source.next().value().name());
    }

    @Test
    void elementThatIsNotAnObjectIsALineError() throws IOException {
        JsonArraySource<Line> source = source("[[1,2],\"x\",{\"name\":\"c\"}]");
        assertTrue(English.of(source.next().errors().get(0).message()).contains("object"));
        assertEquals(2, source.next().line());
        assertEquals("c", source.next().value().name());
    }

    @Test
    void brokenSyntaxIsRefusedAtItsElementAndEndsTheFile() throws IOException {
        JsonArraySource<Line> source = source("[{\"name\":\"a\"},{\"name\":\"b\" \"count\":1},{\"name\":\"c\"}]");
        source.next();
        Parsed<Line> broken = source.next();
        assertEquals(2, broken.line());
        assertTrue(English.of(broken.errors().get(0).message()).startsWith("is not valid JSON"));
        assertNull(source.next());
    }

    @Test
    void bodyEndingInsideTheArrayIsALineError() throws IOException {
        JsonArraySource<Line> source = source("[{\"name\":\"a\"}");
        source.next();
        Parsed<Line> end = source.next();
        assertTrue(end.isRefused());
        assertNull(source.next());
    }

    @Test
    void bodyThatIsNotAnArrayIsRefused() {
        ProblemException problem = assertThrows(ProblemException.class, () -> source("{\"name\":\"a\"}").next());
        assertEquals(400, problem.status());
    }
}
