package directivegraph;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Enumeration;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Rewrites signed jars without their signatures: every entry but the signature files, and a manifest of its main
 * attributes only (a signed jar's manifest lists a digest per entry). The JVM checks a signed jar's digests as it
 * loads each class and keeps its classes out of a class-data-sharing archive: Neo4j's eclipse-collections jars
 * (5 900 entries) cost every Neo4j start and every store import seconds. The classes are the same bytes.
 *
 * Arguments: jar files. Unsigned jars are left alone; each signed one is written beside itself and renamed over it.
 * Prints "unsigned NAME" per jar rewritten.
 */
public final class UnsignJars {
    private UnsignJars() {}

    private static final Pattern SIGNATURE = Pattern.compile("META-INF/[^/]+\\.(SF|RSA|DSA|EC)|META-INF/SIG-[^/]+", Pattern.CASE_INSENSITIVE);

    public static void main(String[] argv) throws IOException {
        for (String name : argv) {
            Path jar = Path.of(name);
            if (signed(jar)) {
                unsign(jar);
                System.out.println("unsigned " + jar.getFileName());
            }
        }
    }

    static boolean signed(Path jar) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                if (SIGNATURE.matcher(entries.nextElement().getName()).matches()) return true;
            }
        }
        return false;
    }

    static void unsign(Path jar) throws IOException {
        Path tmp = jar.resolveSibling(jar.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
        try (ZipFile zip = new ZipFile(jar.toFile()); OutputStream file = Files.newOutputStream(tmp); ZipOutputStream out = new ZipOutputStream(file)) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                String name = entry.getName();
                if (SIGNATURE.matcher(name).matches()) continue;
                ZipEntry copy = new ZipEntry(name);
                copy.setTime(entry.getTime());
                out.putNextEntry(copy);
                try (InputStream in = zip.getInputStream(entry)) {
                    if (name.equalsIgnoreCase(JarFile.MANIFEST_NAME)) {
                        Manifest main = new Manifest();
                        main.getMainAttributes().putAll(new Manifest(in).getMainAttributes());
                        main.write(out);
                    } else {
                        in.transferTo(out);
                    }
                }
                out.closeEntry();
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        Files.move(tmp, jar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
