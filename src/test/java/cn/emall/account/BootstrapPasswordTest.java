package cn.emall.account;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The first officer's password: never the documented one in production, generated when unset. */
class BootstrapPasswordTest {

    private static final boolean PRODUCTION = false;
    private static final boolean DEV_OR_TEST = true;

    @Test
    void theDocumentedDefaultIsRefusedInProductionWithAMessageThatSaysWhatToDo() {
        var refused = assertThrows(BootstrapPassword.DocumentedDefaultRefused.class,
                () -> BootstrapPassword.choose(Optional.of("officer-change-me"), PRODUCTION));
        assertTrue(refused.getMessage().contains("emall.bootstrap-officer.password"), refused.getMessage());
        assertTrue(refused.getMessage().contains("EMALL_BOOTSTRAP_OFFICER_PASSWORD"), refused.getMessage());
        assertTrue(refused.getMessage().contains("leave it unset"), refused.getMessage());
        assertThrows(BootstrapPassword.DocumentedDefaultRefused.class,
                () -> BootstrapPassword.choose(Optional.of("  officer-change-me\n"), PRODUCTION));
    }

    @Test
    void devAndTestKeepTheDocumentedDefault() {
        assertEquals(new BootstrapPassword.Choice("officer-change-me", false),
                BootstrapPassword.choose(Optional.of("officer-change-me"), DEV_OR_TEST));
    }

    @Test
    void aConfiguredPasswordOfOnesOwnIsUsedAsItIs() {
        assertEquals(new BootstrapPassword.Choice("Kq7 long and mine", false),
                BootstrapPassword.choose(Optional.of("Kq7 long and mine"), PRODUCTION));
    }

    @Test
    void withNoPasswordConfiguredOneIsGeneratedToBeShown() {
        BootstrapPassword.Choice choice = BootstrapPassword.choose(Optional.empty(), PRODUCTION);
        assertTrue(choice.generated());
        assertEquals(BootstrapPassword.GENERATED_LENGTH, choice.password().length());
        assertTrue(choice.password().matches("[A-HJ-NP-Za-km-z2-9]{24}"), choice.password());
        assertTrue(BootstrapPassword.choose(Optional.of("   "), PRODUCTION).generated(), "a blank password is none");
        assertTrue(BootstrapPassword.choose(Optional.empty(), DEV_OR_TEST).generated(), "in dev too, when unset");
    }

    @Test
    void generatedPasswordsDifferFromEachOtherAndFromTheDefault() {
        Set<String> passwords = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            passwords.add(BootstrapPassword.choose(Optional.empty(), PRODUCTION).password());
        }
        assertEquals(1000, passwords.size());
        assertFalse(passwords.contains(BootstrapPassword.DOCUMENTED_DEFAULT));
        assertNotEquals(BootstrapPassword.generate(new Random(1)), BootstrapPassword.generate(new Random(2)));
    }

    @Test
    void theChoiceNeverPrintsItsPassword() {
        BootstrapPassword.Choice choice = BootstrapPassword.choose(Optional.empty(), PRODUCTION);
        assertFalse(choice.toString().contains(choice.password()));
    }
}
