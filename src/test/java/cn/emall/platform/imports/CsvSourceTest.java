package cn.emall.platform.imports;

import cn.emall.platform.error.FieldError;
import cn.emall.platform.error.ProblemException;
import cn.emall.testsupport.English;
import cn.emall.text.Catalogue;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CsvSourceTest {

    record Line(String name, Integer count, BigDecimal price, LocalDate day) {
    }

    private static CsvSource<Line> source(String text) {
        return new CsvSource<>(new StringReader(text), List.of("name", "count", "price"), List.of("day"),
                row -> new Line(row.text("name"), row.whole("count"), row.decimal("price"), row.date("day")),
                UnaryOperator.identity());
    }

    @Test
    void columnsAreMatchedByNameInAnyOrderAndCase() throws IOException {
        CsvSource<Line> source = source("Price,name,COUNT\n12.50,\"a, b\",3\n");
        Parsed<Line> line = source.next();
        assertEquals(2, line.line());
        assertEquals(new Line("a, b", 3, new BigDecimal("12.50"), null), line.value());
        assertNull(source.next());
    }

    @Test
    void unknownRepeatedAndMissingColumnsRefuseTheFileNamingEach() {
        ProblemException problem = assertThrows(ProblemException.class, () -> source("name,name,colour\n").next());
        assertEquals(400, problem.status());
        List<FieldError> errors = problem.toProblem(Catalogue.ENGLISH).errors();
        assertTrue(errors.contains(new FieldError("name", "appears more than once")), errors.toString());
        assertTrue(errors.contains(new FieldError("colour", "is not a known column")), errors.toString());
        assertTrue(errors.contains(new FieldError("count", "is a required column and is missing")), errors.toString());
        assertTrue(errors.contains(new FieldError("price", "is a required column and is missing")), errors.toString());
    }

    @Test
    void emptyFileIsRefusedForWantOfAHeader() {
        assertThrows(ProblemException.class, () -> source("").next());
    }

    @Test
    void cellThatDoesNotParseIsALineErrorNamingTheColumnAndTheNextLineIsRead() throws IOException {
        CsvSource<Line> source = source("name,count,price,day\na,three,1.00,2024-02-30\nb,1,1.00,2024-02-29\n");
        Parsed<Line> bad = source.next();
        assertTrue(bad.isRefused());
        assertEquals(List.of("count", "day"), bad.errors().stream().map(LineProblem::field).toList());
        assertTrue(English.of(bad.errors().get(1).message()).contains("real date"));
        assertEquals(LocalDate.of(2024, 2, 29), source.next().value().day());
    }

    @Test
    void brokenQuotingIsALineErrorNamingTheLineAndColumn() throws IOException {
        CsvSource<Line> source = source("name,count,price\nok,1,1.00\nbad\"name,1,1.00\nfine,2,2.00\n");
        source.next();
        Parsed<Line> broken = source.next();
        assertEquals(3, broken.line());
        assertEquals("name", broken.errors().get(0).field());
        assertEquals("fine", source.next().value().name());
    }

    @Test
    void rowWithTheWrongNumberOfCellsIsALineError() throws IOException {
        Parsed<Line> line = source("name,count,price\na,1,1,000.00\n").next();
        assertTrue(line.isRefused());
        assertTrue(English.of(line.errors().get(0).message()).contains("quoted"));
    }

    @Test
    void blankRowsAreSkippedButKeepTheirNumber() throws IOException {
        CsvSource<Line> source = source("name,count,price\n\n,,\nc,1,1.00\n");
        assertEquals(4, source.next().line());
        assertNull(source.next());
    }
}
