import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.lang.module.ModuleFinder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Builds Brokerscope's installer for the OS it runs on: a trimmed copy of the libraries, a jlink runtime
 * with only the modules jdeps finds, then jpackage (.deb and, when rpmbuild exists, .rpm on Linux;
 * .msi on Windows; .dmg on macOS).
 *
 * <p>{@code ./mvnw -Pinstaller package} runs it with the JDK the toolchains plugin selected, as a
 * single-file source program: no build of its own, no shell, so the one command works on all three
 * OSes. jdeps, jlink and jpackage are called in-process through {@link ToolProvider}, so they are
 * always the selected JDK's own. Options come as {@code --name value} pairs from the pom's profile.
 */
public final class BuildInstaller {
    /** Modules jdeps cannot see because they are looked up at run time, with the reason for each. */
    private static final Map<String, String> RUNTIME_LOOKED_UP_MODULES = Map.of(
            "jdk.localedata", "French number and date formats for the French UI (trimmed to en,fr below)",
            "jdk.crypto.ec", "TLS with EC keys to users' brokers on a JDK 21 runtime (empty from JDK 22)");
    private static final String UI_LOCALES = "en,fr";

    private final Map<String, String> options;
    private final Platform platform = Platform.current();
    private final Path out;
    private final Map<String, Long> sizes = new LinkedHashMap<>();

    private BuildInstaller(Map<String, String> options) {
        this.options = options;
        this.out = Path.of(option("out"));
    }

    public static void main(String[] args) throws IOException {
        new BuildInstaller(parse(args)).build();
    }

    private void build() throws IOException {
        String appVersion = appVersion();
        Path input = out.resolve("input");
        Path runtime = out.resolve("runtime");
        deleteRecursively(input);
        deleteRecursively(runtime);
        Files.createDirectories(input);
        Path appJar = Path.of(option("app-jar"));
        Files.copy(appJar, input.resolve(appJar.getFileName()));
        copyLibraries(Path.of(option("libs")), input);
        buildRuntime(jdepsModules(input, appJar.getFileName().toString()), runtime);
        sizes.put("runtime", folderSize(runtime));
        for (String type : packageTypes()) {
            Path installer = jpackage(type, appVersion, input, runtime);
            sizes.put("installer." + type, Files.isDirectory(installer) ? folderSize(installer) : Files.size(installer));
            System.out.println("[installer] built " + installer);
        }
        writeReport();
    }

    // ---- 1. libraries: drop empty placeholder jars, keep only this platform's native code --------------

    private void copyLibraries(Path libs, Path input) throws IOException {
        long before = 0;
        long after = 0;
        boolean trim = Boolean.parseBoolean(options.getOrDefault("trim-natives", "true"));
        try (Stream<Path> jars = Files.list(libs)) {
            for (Path jar : jars.filter(p -> p.toString().endsWith(".jar")).sorted().toList()) {
                before += Files.size(jar);
                if (!hasClasses(jar)) {
                    // The javafx-* artifacts without a classifier are empty; the -linux/-win/-mac ones hold the code.
                    continue;
                }
                Path target = input.resolve(jar.getFileName());
                Predicate<String> foreign = trim ? platform.foreignNativeCode(jar.getFileName().toString()) : e -> false;
                int dropped = copyJarWithout(jar, target, foreign);
                if (dropped > 0) {
                    System.out.printf("[installer] %s: dropped %d native libraries for other platforms (%,d -> %,d bytes)%n",
                            jar.getFileName(), dropped, Files.size(jar), Files.size(target));
                }
                after += Files.size(target);
            }
        }
        sizes.put("libraries.untrimmed", before);
        sizes.put("libraries.shipped", after);
    }

    private static boolean hasClasses(Path jar) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            return zip.stream().anyMatch(e -> e.getName().endsWith(".class"));
        }
    }

    /**
     * Copies a jar, leaving out the entries {@code drop} matches; returns how many it left out. A jar with
     * nothing to leave out is copied byte for byte.
     */
    private static int copyJarWithout(Path source, Path target, Predicate<String> drop) throws IOException {
        try (ZipFile zip = new ZipFile(source.toFile())) {
            if (zip.stream().noneMatch(e -> drop.test(e.getName()))) {
                Files.copy(source, target);
                return 0;
            }
        }
        int dropped = 0;
        try (ZipFile zip = new ZipFile(source.toFile());
             ZipOutputStream copy = new ZipOutputStream(Files.newOutputStream(target))) {
            for (ZipEntry entry : zip.stream().toList()) {
                if (drop.test(entry.getName())) {
                    dropped++;
                    continue;
                }
                ZipEntry kept = new ZipEntry(entry.getName());
                kept.setTime(entry.getTime());
                copy.putNextEntry(kept);
                try (InputStream in = zip.getInputStream(entry)) {
                    in.transferTo(copy);
                }
                copy.closeEntry();
            }
        }
        return dropped;
    }

    // ---- 2. runtime: jdeps says which JDK modules the jars use; jlink builds just those -----------------

    private TreeSet<String> jdepsModules(Path input, String appJar) throws IOException {
        String classPath = String.join(java.io.File.pathSeparator, listJars(input));
        String printed = run("jdeps", "--ignore-missing-deps", "--print-module-deps", "--multi-release",
                String.valueOf(Runtime.version().feature()), "--class-path", classPath,
                input.resolve(appJar).toString()).strip();
        TreeSet<String> modules = new TreeSet<>(Arrays.asList(printed.split(",")));
        System.out.println("[installer] jdeps: " + printed);
        RUNTIME_LOOKED_UP_MODULES.forEach((module, why) -> {
            boolean useful = !module.equals("jdk.crypto.ec") || Runtime.version().feature() < 22;
            if (useful && ModuleFinder.ofSystem().find(module).isPresent()) {
                modules.add(module);
                System.out.println("[installer] + " + module + ": " + why);
            }
        });
        return modules;
    }

    private static void buildRuntime(TreeSet<String> modules, Path runtime) {
        // No debug attributes, man pages, headers or java/keytool commands: the launcher needs only the VM.
        // (Temurin's native libraries carry no DWARF debug info; their symbol tables stay, for readable
        // crash logs.) The modules file is left uncompressed: the installer's own compression then does
        // better (measured: .deb 14 MB smaller than with zip-6, for 34 MB more on disk), and classes load
        // without inflating.
        run("jlink", "--add-modules", String.join(",", modules), "--include-locales", UI_LOCALES,
                "--strip-debug", "--no-man-pages", "--no-header-files", "--strip-native-commands",
                "--compress", "zip-0", "--output", runtime.toString());
    }

    // ---- 3. jpackage ------------------------------------------------------------------------------------

    private List<String> packageTypes() {
        String requested = options.getOrDefault("types", "auto");
        if (!requested.equals("auto")) {
            return Arrays.asList(requested.split(","));
        }
        return switch (platform.os()) {
            case WINDOWS -> List.of("msi");
            case MAC -> List.of("dmg");
            case LINUX -> {
                List<String> types = new ArrayList<>();
                if (onPath("dpkg-deb")) {
                    types.add("deb");
                }
                if (onPath("rpmbuild")) {
                    types.add("rpm");
                }
                if (types.isEmpty()) {
                    throw new IllegalStateException("Neither dpkg-deb nor rpmbuild is installed; cannot build a Linux package. "
                            + "Use -Dinstaller.types=app-image for a plain folder.");
                }
                yield types;
            }
        };
    }

    private Path jpackage(String type, String appVersion, Path input, Path runtime) throws IOException {
        Path dest = out.resolve(type);
        deleteRecursively(dest);
        List<String> args = new ArrayList<>(List.of("--type", type, "--dest", dest.toString(),
                "--name", option("name"), "--app-version", appVersion, "--vendor", option("vendor"),
                "--description", option("description"), "--copyright", option("copyright"),
                "--input", input.toString(), "--main-jar", Path.of(option("app-jar")).getFileName().toString(),
                "--main-class", option("main-class"), "--runtime-image", runtime.toString()));
        for (String javaOption : launcherJavaOptions()) {
            args.addAll(List.of("--java-options", javaOption));
        }
        if (!type.equals("app-image")) {
            args.addAll(List.of("--license-file", project("packaging/LICENSE.txt")));
        }
        args.addAll(platformOptions(type));
        run("jpackage", args.toArray(String[]::new));
        try (Stream<Path> built = Files.list(dest)) {
            return built.findFirst().orElseThrow(() -> new IllegalStateException("jpackage wrote nothing to " + dest));
        }
    }

    private static List<String> launcherJavaOptions() {
        List<String> javaOptions = new ArrayList<>();
        // JavaFX, RocksDB and JNA load native code from the class path; JDK 24+ warns on every start without this.
        javaOptions.add("--enable-native-access=ALL-UNNAMED");
        if (Runtime.version().feature() >= 23) {
            // Netty and others still call sun.misc.Unsafe's memory methods; JDK 24+ warns about it at start.
            javaOptions.add("--sun-misc-unsafe-memory-access=allow");
        }
        return javaOptions;
    }

    private List<String> platformOptions(String type) {
        return switch (platform.os()) {
            case LINUX -> linuxOptions(type);
            case WINDOWS -> windowsOptions(type);
            case MAC -> List.of("--icon", project("packaging/macos/brokerscope.icns"),
                    "--mac-package-identifier", "org.brokerscope.app", "--mac-package-name", option("name"),
                    "--mac-app-category", "public.app-category.developer-tools");
        };
    }

    private List<String> linuxOptions(String type) {
        List<String> args = new ArrayList<>(List.of("--icon", project("icons/brokerscope-256.png")));
        if (type.equals("app-image")) {
            return args;
        }
        args.addAll(List.of("--linux-package-name", option("package-name"), "--linux-shortcut",
                // Freedesktop menu categories: it lands under Internet/Network, next to other network tools.
                "--linux-menu-group", "Network;Monitor;", "--linux-app-category", "net",
                "--linux-deb-maintainer", option("maintainer"), "--linux-rpm-license-type", "MIT",
                // packaging/linux holds our postinst/prerm, which add the `brokerscope` command to the PATH.
                "--resource-dir", project("packaging/linux"),
                // JavaFX extracts and loads its GTK/OpenGL libraries at run time, so jpackage's ldd scan of
                // the runtime cannot see them; name them, or a bare system installs an app that cannot open.
                "--linux-package-deps", type.equals("rpm") ? "gtk3, libXtst, mesa-libGL, fontconfig"
                        : "libgtk-3-0 | libgtk-3-0t64, libxtst6, libgl1, libfontconfig1"));
        return args;
    }

    private List<String> windowsOptions(String type) {
        List<String> args = new ArrayList<>(List.of("--icon", project("packaging/windows/brokerscope.ico"),
                // A second launcher with a console, for the headless commands: the GUI launcher has none.
                "--add-launcher", "brokerscope-cli=" + project("packaging/windows/brokerscope-cli.properties")));
        if (type.equals("app-image")) {
            return args;
        }
        args.addAll(List.of("--win-menu", "--win-menu-group", option("name"), "--win-shortcut",
                "--win-shortcut-prompt", "--win-dir-chooser",
                // Fixed forever: Windows recognises a newer .msi as an upgrade of an installed one by it.
                "--win-upgrade-uuid", "6f0b7d2e-4c1a-4f53-9a57-0e3c2b9d8a41"));
        if (Boolean.parseBoolean(options.getOrDefault("per-user", "true"))) {
            // Installs under the user's profile, without administrator rights (students' laptops).
            args.add("--win-per-user-install");
        }
        return args;
    }

    // ---- version, report, helpers ----------------------------------------------------------------------

    /** jpackage wants 1 to 3 numbers: 0.1.0-SNAPSHOT becomes 0.1.0. */
    private String appVersion() {
        String explicit = options.getOrDefault("app-version", "auto");
        if (!explicit.equals("auto")) {
            return explicit;
        }
        Matcher numeric = Pattern.compile("^\\d+(\\.\\d+){0,2}").matcher(option("version"));
        if (!numeric.find()) {
            throw new IllegalArgumentException("No numeric version in " + option("version") + "; set -Dinstaller.appVersion");
        }
        String version = numeric.group();
        if (platform.os() == Os.MAC && version.startsWith("0")) {
            throw new IllegalArgumentException("jpackage on macOS refuses a version starting with 0 (" + version
                    + "); build with -Dinstaller.appVersion=1.0.0 or similar until the pom reaches 1.0.");
        }
        return version;
    }

    private void writeReport() throws IOException {
        StringBuilder report = new StringBuilder();
        sizes.forEach((what, bytes) -> report.append(what).append('=').append(bytes).append('\n'));
        Files.writeString(out.resolve("sizes.properties"), report);
        System.out.println("[installer] sizes in bytes (also in " + out.resolve("sizes.properties") + "):");
        sizes.forEach((what, bytes) -> System.out.printf("[installer]   %-20s %,15d%n", what, bytes));
    }

    private static String run(String tool, String... args) {
        ToolProvider provider = ToolProvider.findFirst(tool)
                .orElseThrow(() -> new IllegalStateException(tool + " not found in " + System.getProperty("java.home")));
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        PrintStream to = new PrintStream(output, true);
        int status = provider.run(to, to, args);
        if (status != 0) {
            throw new IllegalStateException(tool + " failed (" + status + "):\n" + output + "\nArguments: " + List.of(args));
        }
        return output.toString();
    }

    private static List<String> listJars(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> p.toString().endsWith(".jar")).map(Path::toString).sorted().toList();
        }
    }

    private static boolean onPath(String command) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
                .anyMatch(dir -> !dir.isEmpty() && Files.isExecutable(Path.of(dir, command)));
    }

    private static long folderSize(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    private static void deleteRecursively(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private String project(String relative) {
        return Path.of(option("project-dir")).resolve(relative).toString();
    }

    private String option(String name) {
        String value = options.get(name);
        if (value == null) {
            throw new IllegalArgumentException("Missing --" + name);
        }
        return value;
    }

    private static Map<String, String> parse(String[] args) {
        Map<String, String> parsed = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("Expected --name value pairs, got " + args[i]);
            }
            parsed.put(args[i].substring(2), args[i + 1]);
        }
        return parsed;
    }

    enum Os { LINUX, WINDOWS, MAC }

    /** The OS and CPU the installer is for, and which of a jar's bundled native libraries they use. */
    record Platform(Os os, boolean arm64) {
        static Platform current() {
            String name = System.getProperty("os.name").toLowerCase(Locale.ROOT);
            Os os = name.startsWith("windows") ? Os.WINDOWS : name.startsWith("mac") ? Os.MAC : Os.LINUX;
            return new Platform(os, System.getProperty("os.arch").equals("aarch64"));
        }

        /**
         * Matches the entries of {@code jarName} that are native code for other platforms. rocksdbjni
         * carries 13 builds (57 MB) and JNA 28; each loads only the one for the running OS and CPU
         * (glibc on Linux: jpackage's .deb and .rpm target glibc distributions).
         */
        Predicate<String> foreignNativeCode(String jarName) {
            if (jarName.startsWith("rocksdbjni-")) {
                String keep = switch (os) {
                    case LINUX -> arm64 ? "librocksdbjni-linux-aarch64.so" : "librocksdbjni-linux64.so";
                    case MAC -> arm64 ? "librocksdbjni-osx-arm64.jnilib" : "librocksdbjni-osx-x86_64.jnilib";
                    case WINDOWS -> "librocksdbjni-win64.dll";
                };
                return entry -> entry.matches("librocksdbjni-.*\\.(so|jnilib|dll)") && !entry.equals(keep);
            }
            if (jarName.startsWith("jna-") && !jarName.startsWith("jna-platform")) {
                String keep = "com/sun/jna/" + switch (os) {
                    case LINUX -> arm64 ? "linux-aarch64/" : "linux-x86-64/";
                    case MAC -> arm64 ? "darwin-aarch64/" : "darwin-x86-64/";
                    case WINDOWS -> arm64 ? "win32-aarch64/" : "win32-x86-64/";
                };
                return entry -> entry.matches("com/sun/jna/[^/]+/[^/]+\\.(so|jnilib|dll|a)") && !entry.startsWith(keep);
            }
            return entry -> false;
        }
    }
}
