package cn.emall.platform.error;

import cn.emall.text.Msg;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every Bean Validation constraint the requests use says what it checks in both languages. */
class ConstraintTextsTest {

    @Test
    void everyConstraintTypeTheRequestsUseHasItsOwnWording() throws IOException {
        Pattern constraint = Pattern.compile("jakarta\\.validation\\.constraints\\.([A-Z]\\w+)");
        Set<String> used = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher matcher = constraint.matcher(Files.readString(file));
                while (matcher.find()) {
                    used.add(matcher.group(1));
                }
            }
        }
        assertTrue(used.contains("NotNull") && used.contains("Size"), "the constraints were found: " + used);
        Set<String> worded = ConstraintTexts.WORDINGS.keySet().stream().map(Class::getSimpleName).collect(Collectors.toSet());
        assertEquals(Set.of(), used.stream().filter(name -> !worded.contains(name)).collect(Collectors.toSet()),
                "constraint types that would be answered only as 'is invalid'");
    }

    @Test
    void aConstraintNamesItsOwnEntryInBraces() {
        assertEquals(Msg.PASSWORD_LENGTH, ConstraintTexts.ownEntry("{PASSWORD_LENGTH}"));
        assertNull(ConstraintTexts.ownEntry("{jakarta.validation.constraints.NotNull.message}"));
        assertNull(ConstraintTexts.ownEntry("{NO_SUCH_ENTRY}"));
        assertNull(ConstraintTexts.ownEntry("must be 8 to 72 characters"));
    }
}
