package cn.emall.text;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Both catalogues say everything the service says, with the same arguments, and the code names only what they hold. */
class CatalogueTest {

    private static final java.util.regex.Pattern ARGUMENT = java.util.regex.Pattern.compile("\\{(\\d+)}");
    private static final java.util.regex.Pattern CJK = java.util.regex.Pattern.compile("[\\u3000-\\u303f\\u4e00-\\u9fff\\uff00-\\uffef]");

    private static Map<String, String> catalogue(String file) throws IOException {
        try (InputStream in = CatalogueTest.class.getResourceAsStream("/messages/" + file);
             Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            Properties properties = new Properties();
            properties.load(reader);
            Map<String, String> entries = new TreeMap<>();
            properties.forEach((key, value) -> entries.put((String) key, (String) value));
            return entries;
        }
    }

    private static Set<String> arguments(String pattern) {
        Set<String> found = new TreeSet<>();
        Matcher matcher = ARGUMENT.matcher(pattern);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }

    @Test
    void bothCataloguesHoldExactlyTheEntriesOfMsg() throws IOException {
        Set<String> names = Arrays.stream(Msg.values()).map(Msg::name).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(names, catalogue("texts.properties").keySet(), "the Chinese catalogue (texts.properties)");
        assertEquals(names, catalogue("texts_en.properties").keySet(), "the English catalogue (texts_en.properties)");
    }

    @Test
    void noEntryIsEmptyAndNoChineseEntryIsLeftInEnglish() throws IOException {
        Map<String, String> chinese = catalogue("texts.properties");
        catalogue("texts_en.properties").forEach((key, value) -> assertTrue(!value.isBlank(), key + " is empty in English"));
        chinese.forEach((key, value) -> {
            assertTrue(!value.isBlank(), key + " is empty in Chinese");
            assertTrue(CJK.matcher(value).find(), key + " is not in Chinese: " + value);
        });
    }

    @Test
    void everyEntryTakesTheSameArgumentsInBothLanguages() throws IOException {
        Map<String, String> chinese = catalogue("texts.properties");
        catalogue("texts_en.properties").forEach((key, english) ->
                assertEquals(arguments(english), arguments(chinese.get(key)), key + ": " + english + " / " + chinese.get(key)));
    }

    /** MessageFormat drops a single apostrophe and quotes what follows it; the catalogues write it twice. */
    @Test
    void everyEntryIsAPatternThatKeepsItsApostrophes() throws IOException {
        for (String file : new String[] {"texts.properties", "texts_en.properties"}) {
            catalogue(file).forEach((key, value) -> {
                assertTrue(!value.replace("''", "").contains("'"), file + " " + key + " has a single apostrophe: " + value);
                Object[] args = IntStream.range(0, 10).mapToObj(n -> "<" + n + ">").toArray();
                String shown = new MessageFormat(value, Locale.ROOT).format(args);
                assertEquals(value.replace("''", "'").replaceAll("\\{(\\d+)}", "<$1>"), shown, file + " " + key);
            });
        }
    }

    /** The compiler checks {@code Msg.X}; this checks the entries that constraints name as {@code message = "{X}"}. */
    @Test
    void everyEntryTheCodeNamesExistsAndEveryEntryIsUsed() throws IOException {
        Set<String> names = Arrays.stream(Msg.values()).map(Msg::name).collect(Collectors.toSet());
        Set<String> named = new TreeSet<>();
        Set<String> used = new TreeSet<>();
        java.util.regex.Pattern constraintMessage = java.util.regex.Pattern.compile("message\\s*=\\s*\"\\{([A-Za-z0-9_.]+)}\"");
        java.util.regex.Pattern reference = java.util.regex.Pattern.compile("Msg\\.([A-Z0-9_]+)");
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file);
                Matcher message = constraintMessage.matcher(source);
                while (message.find()) {
                    named.add(message.group(1));
                }
                Matcher msg = reference.matcher(source);
                while (msg.find()) {
                    used.add(msg.group(1));
                }
            }
        }
        assertTrue(!named.isEmpty(), "the constraints with messages of their own were found");
        assertEquals(Set.of(), named.stream().filter(name -> !names.contains(name)).collect(Collectors.toSet()),
                "constraint messages that name no entry");
        used.addAll(named);
        assertEquals(Set.of(), names.stream().filter(name -> !used.contains(name)).collect(Collectors.toSet()),
                "entries no code uses");
    }

    @Test
    void chineseIsTheDefaultAndEnglishIsAnsweredWhenAskedFor() {
        assertEquals(Catalogue.CHINESE, Catalogue.negotiate(null));
        assertEquals(Catalogue.CHINESE, Catalogue.negotiate(""));
        assertEquals(Catalogue.CHINESE, Catalogue.negotiate("zh-CN"));
        assertEquals(Catalogue.CHINESE, Catalogue.negotiate("zh-TW,zh;q=0.9"));
        assertEquals(Catalogue.ENGLISH, Catalogue.negotiate("en"));
        assertEquals(Catalogue.ENGLISH, Catalogue.negotiate("en-US"));
        assertEquals(Catalogue.ENGLISH, Catalogue.negotiate("EN-gb"));
        assertEquals(Catalogue.CHINESE, Catalogue.negotiate("zh-CN,zh;q=0.9,en;q=0.8"), "a Chinese browser");
        assertEquals(Catalogue.ENGLISH, Catalogue.negotiate("zh;q=0.4, en;q=0.8"), "qualities, not order, decide");
        assertEquals(Catalogue.ENGLISH, Catalogue.negotiate("fr-FR, de;q=0.9, en;q=0.5"), "the first language there is");
        assertEquals(Catalogue.CHINESE, Catalogue.negotiate("en;q=0, fr"), "q=0 refuses English");
        assertEquals(Catalogue.CHINESE, Catalogue.negotiate("fr"), "an unsupported language falls back to Chinese");
        assertEquals(Catalogue.CHINESE, Catalogue.negotiate("*"));
        assertEquals(Catalogue.CHINESE, Catalogue.negotiate("en;q=not-a-number"), "an unreadable header falls back to Chinese");
        assertEquals("zh-CN", Catalogue.CHINESE.toLanguageTag());
        assertEquals("en", Catalogue.ENGLISH.toLanguageTag());
    }

    @Test
    void argumentsAreShownAsWrittenAndNestedTextsInTheSameLanguage() {
        Text tooLarge = Msg.BATCH_TOO_LARGE_DETAIL.with(10000, 10001);
        assertEquals("A batch holds at most 10000 lines; this one has 10001.", tooLarge.in(Catalogue.ENGLISH));
        assertEquals("一个批次最多 10000 行，本批次为 10001 行。", tooLarge.in(Catalogue.CHINESE));
        Text notFound = Msg.NOT_FOUND_DETAIL.with(Msg.THE_NOTICE.with(41));
        assertEquals("Notice 41 does not exist.", notFound.in(Catalogue.ENGLISH));
        assertEquals("未找到通知 41。", notFound.in(Catalogue.CHINESE));
        assertEquals("must be one of TEXT, NUMBER", Msg.MUST_BE_ONE_OF.with(java.util.List.of("TEXT", "NUMBER")).in(Catalogue.ENGLISH));
        assertEquals("必须是以下之一：TEXT、NUMBER", Msg.MUST_BE_ONE_OF.with(java.util.List.of("TEXT", "NUMBER")).in(Catalogue.CHINESE));
        assertEquals("2023-04-24 is a Monday; a make-up working day must be a Saturday or Sunday",
                Msg.MAKEUP_DAY_NOT_A_WEEKEND.with(java.time.LocalDate.of(2023, 4, 24), java.time.DayOfWeek.MONDAY).in(Catalogue.ENGLISH));
        assertEquals("2023-04-24 是星期一；调休上班日必须是星期六或星期日",
                Msg.MAKEUP_DAY_NOT_A_WEEKEND.with(java.time.LocalDate.of(2023, 4, 24), java.time.DayOfWeek.MONDAY).in(Catalogue.CHINESE));
        assertEquals("character 'O' at position 5 is not allowed (allowed: 0-9 and A-Z except I, O, S, V, Z)",
                Msg.CREDIT_CODE_CHARSET.with('O', 5).in(Catalogue.ENGLISH), "apostrophes survive");
    }
}
