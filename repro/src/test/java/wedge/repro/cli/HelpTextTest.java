package wedge.repro.cli;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import picocli.CommandLine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The help texts: whole sentences in every command list, and {@code --help} on every command, however deep. */
class HelpTextTest {
    @Test
    void everyCommandListedInTheHelpIsDescribedByAWholeSentence() {
        check(Main.commandLine());
    }

    @ParameterizedTest
    @ValueSource(strings = {"show", "explain", "timeline", "json", "html"})
    void helpOnADumpSubcommandNeedsNoDump(String sub) {
        Wedge wedge = new Wedge();
        assertEquals(0, wedge.run("dump", sub, "--help"), wedge.err.toString());
        assertTrue(wedge.out.toString().startsWith("Usage: wedge dump " + sub + " [-hV]"), wedge.out.toString());
    }

    /** The line each subcommand of {@code cmd} gets in its list, and theirs in turn. */
    private static void check(CommandLine cmd) {
        for (Map.Entry<String, CommandLine> sub : cmd.getSubcommands().entrySet()) {
            CommandLine.Model.UsageMessageSpec usage = sub.getValue().getCommandSpec().usageMessage();
            String[] listed = usage.header().length > 0 ? usage.header() : usage.description();
            assertTrue(listed.length > 0, sub.getKey() + " has no description");
            assertTrue(listed[0].strip().endsWith("."), cmd.getCommandName() + " " + sub.getKey()
                    + " is listed as '" + listed[0] + "', not a whole sentence");
            check(sub.getValue());
        }
    }
}
