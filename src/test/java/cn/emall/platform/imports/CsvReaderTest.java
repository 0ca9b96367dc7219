package cn.emall.platform.imports;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CsvReaderTest {

    private static List<CsvReader.Record> all(String text) throws IOException {
        CsvReader reader = new CsvReader(new StringReader(text));
        List<CsvReader.Record> records = new ArrayList<>();
        for (CsvReader.Record r = reader.next(); r != null; r = reader.next()) {
            records.add(r);
        }
        return records;
    }

    private static List<List<String>> cells(String text) throws IOException {
        return all(text).stream().map(CsvReader.Record::cells).toList();
    }

    @Test
    void unquotedCellsAreSplitAtCommas() throws IOException {
        assertEquals(List.of(List.of("a", "b", "c"), List.of("1", "2", "3")), cells("a,b,c\n1,2,3\n"));
    }

    @Test
    void quotedCellMayHoldCommasAndDoubledQuotes() throws IOException {
        assertEquals(List.of(List.of("呼和浩特市第一中学, 总务处", "say \"hi\"", "")),
                cells("\"呼和浩特市第一中学, 总务处\",\"say \"\"hi\"\"\",\"\"\n"));
    }

    @Test
    void lineBreakInsideQuotesStaysInTheCellAndDoesNotStartANewRow() throws IOException {
        List<CsvReader.Record> records = all("h1,h2\r\n\"line one\r\nline two\",x\r\nlast,y\r\n");
        assertEquals(List.of("line one\r\nline two", "x"), records.get(1).cells());
        assertEquals(3, records.get(2).line());
        assertEquals(List.of("last", "y"), records.get(2).cells());
    }

    @Test
    void crlfLfAndCrAllEndARecordAndTheLastNeedsNone() throws IOException {
        assertEquals(List.of(List.of("a"), List.of("b"), List.of("c"), List.of("d")), cells("a\r\nb\nc\rd"));
    }

    @Test
    void emptyCellsAreKeptIncludingATrailingOne() throws IOException {
        assertEquals(List.of(List.of("a", "", "c", "")), cells("a,,c,\n"));
    }

    @Test
    void byteOrderMarkAtTheStartIsSkipped() throws IOException {
        byte[] bytes = "\uFEFForderNo,lineNo\nZC-1,1\n".getBytes(StandardCharsets.UTF_8);
        CsvReader reader = new CsvReader(CsvReader.utf8(new ByteArrayInputStream(bytes)));
        assertEquals(List.of("orderNo", "lineNo"), reader.next().cells());
        assertEquals(List.of("ZC-1", "1"), reader.next().cells());
        assertNull(reader.next());
    }

    @Test
    void textWithoutByteOrderMarkReadsTheSame() throws IOException {
        byte[] bytes = "orderNo,lineNo\n".getBytes(StandardCharsets.UTF_8);
        assertEquals(List.of("orderNo", "lineNo"), new CsvReader(CsvReader.utf8(new ByteArrayInputStream(bytes))).next().cells());
    }

    @Test
    void quoteInsideAnUnquotedCellIsBrokenQuotingAndReadingGoesOnWithTheNextLine() throws IOException {
        CsvReader reader = new CsvReader(new StringReader("a,b\nx,y\"z\nc,d\n"));
        reader.next();
        CsvFormatException broken = assertThrows(CsvFormatException.class, reader::next);
        assertEquals(2, broken.line());
        assertEquals(2, broken.cell());
        assertFalse(broken.isFatal());
        assertEquals(List.of("c", "d"), reader.next().cells());
        assertNull(reader.next());
    }

    @Test
    void textAfterAClosingQuoteIsBrokenQuoting() throws IOException {
        CsvReader reader = new CsvReader(new StringReader("\"abc\"def,x\nnext,line\n"));
        CsvFormatException broken = assertThrows(CsvFormatException.class, reader::next);
        assertEquals(1, broken.line());
        assertEquals(1, broken.cell());
        assertFalse(broken.isFatal());
        CsvReader.Record next = reader.next();
        assertEquals(2, next.line());
        assertEquals(List.of("next", "line"), next.cells());
    }

    @Test
    void quoteNeverClosedEndsTheFileAtTheLineWhereItOpened() throws IOException {
        CsvReader reader = new CsvReader(new StringReader("a,b\n1,\"open\n2,3\n4,5\n"));
        reader.next();
        CsvFormatException broken = assertThrows(CsvFormatException.class, reader::next);
        assertEquals(2, broken.line());
        assertTrue(broken.isFatal());
        assertNull(reader.next());
    }

    @Test
    void recordLongerThanTheLimitEndsTheFile() {
        String huge = "\"" + "x".repeat(CsvReader.MAX_RECORD_LENGTH + 1) + "\"\n";
        CsvReader reader = new CsvReader(new StringReader(huge));
        CsvFormatException broken = assertThrows(CsvFormatException.class, reader::next);
        assertTrue(broken.isFatal());
    }

    @Test
    void bytesThatAreNotUtf8AreRefusedNamingTheLine() throws IOException {
        byte[] gbk = {'a', ',', 'b', '\n', (byte) 0xC4, (byte) 0xE3, (byte) 0xBA, (byte) 0xC3, '\n'};
        CsvReader reader = new CsvReader(CsvReader.utf8(new ByteArrayInputStream(gbk)));
        reader.next();
        CsvFormatException broken = assertThrows(CsvFormatException.class, reader::next);
        assertEquals(2, broken.line());
        assertTrue(broken.getMessage().contains("UTF-8"));
    }

    @Test
    void emptyLineIsABlankRecord() throws IOException {
        List<CsvReader.Record> records = all("a\n\n,,\nb\n");
        assertTrue(records.get(1).isBlank());
        assertTrue(records.get(2).isBlank());
        assertEquals(4, records.get(3).line());
    }

    @Test
    void utf8TextLongerThanTheBufferAndOutsideTheBasicPlaneReadsIntact() throws IOException {
        String cell = "呼和浩特𠀀".repeat(3000);
        byte[] bytes = ("a,b\n" + cell + ",x\n").getBytes(StandardCharsets.UTF_8);
        CsvReader reader = new CsvReader(CsvReader.utf8(new ByteArrayInputStream(bytes)));
        reader.next();
        assertEquals(List.of(cell, "x"), reader.next().cells());
        assertNull(reader.next());
    }

    @Test
    void utf8ReaderReadsOneCharacterAtATimeAcrossASurrogatePair() throws IOException {
        java.io.Reader reader = CsvReader.utf8(new ByteArrayInputStream("𠀀a".getBytes(StandardCharsets.UTF_8)));
        StringBuilder read = new StringBuilder();
        for (int c = reader.read(); c != -1; c = reader.read()) {
            read.append((char) c);
        }
        assertEquals("𠀀a", read.toString());
    }
}
