package wedge.repro.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

import picocli.CommandLine.IVersionProvider;

/** {@code wedge --version}: the build's version and the JVM it runs on. */
final class WedgeVersion implements IVersionProvider {
    @Override
    public String[] getVersion() throws IOException {
        Properties p = new Properties();
        try (InputStream in = WedgeVersion.class.getResourceAsStream("/wedge-version.properties")) {
            if (in != null) {
                p.load(in);
            }
        }
        return new String[] {
            "wedge " + p.getProperty("version", "unknown"),
            "JVM: ${java.version} (${java.vendor} ${java.vm.name} ${java.vm.version})",
            "OS: ${os.name} ${os.version} ${os.arch}"
        };
    }
}
