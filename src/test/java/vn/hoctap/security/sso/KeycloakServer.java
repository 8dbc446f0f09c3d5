package vn.hoctap.security.sso;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A real OpenID Connect provider for the single sign-on tests: Keycloak (Maven Central's
 * {@code org.keycloak:keycloak-quarkus-dist}, unpacked by the build into target/keycloak) in development mode, as a
 * process of its own on a free loopback port, on a JDK 21+ (Keycloak's minimum; the application and the tests
 * stay on 17), with an H2 file database in a temporary directory and the realms of src/test/resources/keycloak
 * imported at start: {@code hoctap} (the trusted province SSO) and {@code tinh-khac} (another, untrusted one).
 *
 * <p>Started once per test JVM — as soon as the run holds a single sign-on test ({@link KeycloakEarlyStart}), so
 * that its slow start (one to two minutes on two shared cores) overlaps the other tests — and stopped when the JVM
 * exits. {@code -Dhoctap.test.keycloak-port=N} uses a Keycloak already running on that port with these realms.
 */
public final class KeycloakServer {

  public static final String REALM = "hoctap";
  public static final String UNTRUSTED_REALM = "tinh-khac";
  public static final String CLIENT = "hoctap";
  public static final String SECRET = "hoctap-sso-demo-secret";
  static final String ADMIN = "kcadmin";
  private static final Duration START_LIMIT = Duration.ofMinutes(10);

  private static KeycloakServer instance;
  private static String unavailable;

  private final int port;
  private final Process process;
  private final Path log;
  private final Path data;
  private final String adminPassword;
  private volatile boolean ready;

  private KeycloakServer(int port, Process process, Path log, Path data, String adminPassword) {
    this.port = port;
    this.process = process;
    this.log = log;
    this.data = data;
    this.adminPassword = adminPassword;
  }

  /** Starts Keycloak (once per JVM) without waiting for it; null with the reason kept when it cannot run here. */
  public static synchronized KeycloakServer start() {
    if (instance != null || unavailable != null) {
      return instance;
    }
    String given = System.getProperty("hoctap.test.keycloak-port");
    if (given != null && !given.isBlank()) {
      instance = new KeycloakServer(Integer.parseInt(given.strip()), null, null, null,
          System.getProperty("hoctap.test.keycloak-admin-password", "admin"));
      return instance;
    }
    Path home = Path.of(System.getProperty("hoctap.test.keycloak-home", "target/keycloak/keycloak"));
    if (!Files.isExecutable(home.resolve("bin/kc.sh"))) {
      unavailable = "Keycloak is not unpacked at " + home + ": run the tests through Maven (the build unpacks"
          + " org.keycloak:keycloak-quarkus-dist into target/keycloak)";
      return null;
    }
    String fork = vn.hoctap.support.TestJvm.number();
    if (!fork.equals("1")) {
      // Keycloak writes into its home at start (the build of its dev mode, the realms to import): the other test
      // JVM may be starting its own from the same home, so this one works on a copy
      try {
        home = homeCopy(home, fork);
      } catch (IOException e) {
        unavailable = "Keycloak could not be copied for test JVM " + fork + ": " + e;
        return null;
      }
    }
    Optional<Path> java = java21();
    if (java.isEmpty()) {
      unavailable = "No JDK 21 or newer for Keycloak (looked at -Dhoctap.test.keycloak-java, KEYCLOAK_JAVA_HOME and"
          + " /usr/lib/jvm): .ci/run installs one";
      return null;
    }
    try {
      int port = freePort();
      Path data = Files.createTempDirectory("hoctap-keycloak-");
      Path imports = Files.createDirectories(home.resolve("data/import"));
      try (Stream<Path> old = Files.list(imports)) {
        for (Path p : old.toList()) {
          Files.delete(p);
        }
      }
      for (String realm : List.of(REALM, UNTRUSTED_REALM)) {
        Files.copy(Path.of("src/test/resources/keycloak", realm + "-realm.json"),
            imports.resolve(realm + "-realm.json"), StandardCopyOption.REPLACE_EXISTING);
      }
      Path log = Path.of("target", "keycloak-" + System.getProperty("hoctap.test.db", "h2") + "-" + fork + ".log")
          .toAbsolutePath();
      String password = UUID.randomUUID().toString();
      List<String> command = new ArrayList<>(List.of(home.resolve("bin/kc.sh").toString(), "start-dev",
          "--http-host=127.0.0.1", "--http-port=" + port, "--import-realm",
          "--db-url=jdbc:h2:file:" + data.resolve("keycloakdb") + ";NON_KEYWORDS=VALUE"));
      ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
          .redirectOutput(log.toFile());
      Map<String, String> env = pb.environment();
      env.put("JAVA_HOME", java.get().toString());
      // Java 24+: the thread-local reset of Keycloak's thread pool needs this (it says so itself)
      env.put("JAVA_OPTS_APPEND", "--add-opens=java.base/java.lang=ALL-UNNAMED -XX:TieredStopAtLevel=1");
      env.put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN);
      env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", password);
      Process process = pb.start();
      KeycloakServer server = new KeycloakServer(port, process, log, data, password);
      Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "keycloak-stop"));
      instance = server;
      return server;
    } catch (IOException e) {
      unavailable = "Keycloak could not be started: " + e;
      return null;
    }
  }

  /**
   * The started Keycloak, once it serves the trusted realm. Skips the test (with the reason) where Keycloak cannot
   * run; on CI (CI=true) that is a failure instead, so that a green run always tested single sign-on.
   */
  public static KeycloakServer ready() {
    KeycloakServer server = start();
    if (server == null) {
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        throw new AssertionError(unavailable);
      }
      Assumptions.abort(unavailable);
    }
    server.awaitReady();
    return server;
  }

  private synchronized void awaitReady() {
    if (ready) {
      return;
    }
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    Instant until = Instant.now().plus(START_LIMIT);
    while (Instant.now().isBefore(until)) {
      if (process != null && !process.isAlive()) {
        throw new AssertionError("Keycloak stopped while starting (exit " + process.exitValue() + "):\n" + tail());
      }
      try {
        HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create(issuer(REALM)
            + "/.well-known/openid-configuration")).timeout(Duration.ofSeconds(5)).GET().build(),
            HttpResponse.BodyHandlers.discarding());
        if (r.statusCode() == 200) {
          ready = true;
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted while waiting for Keycloak", e);
      }
      try {
        Thread.sleep(1000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted while waiting for Keycloak", e);
      }
    }
    throw new AssertionError("Keycloak did not serve its realm within " + START_LIMIT.toMinutes() + " minutes:\n"
        + tail());
  }

  /** The issuer of a realm (what its tokens carry in {@code iss}). */
  public String issuer(String realm) {
    return "http://127.0.0.1:" + port + "/realms/" + realm;
  }

  /** The issuer of the trusted realm, known as soon as Keycloak has been launched. */
  static String trustedIssuer() {
    KeycloakServer server = start();
    // a port nobody listens on: the application starts all the same (the provider is read at the first login)
    return server == null ? "http://127.0.0.1:9/realms/" + REALM : server.issuer(REALM);
  }

  public int port() {
    return port;
  }

  String adminPassword() {
    return adminPassword;
  }

  private String tail() {
    if (log == null) {
      return "";
    }
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }

  private void stop() {
    if (process == null) {
      return;
    }
    process.descendants().forEach(ProcessHandle::destroy);
    process.destroy();
    try {
      if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try (Stream<Path> files = Files.walk(data)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // a temporary directory
    }
  }

  /** A JDK of version 21 or newer: given explicitly, or the newest under /usr/lib/jvm. */
  /** A copy of the unpacked Keycloak for one test JVM, made once (a finished copy is renamed into place). */
  private static Path homeCopy(Path home, String fork) throws IOException {
    Path copy = home.resolveSibling(home.getFileName() + "-fork" + fork);
    if (Files.isExecutable(copy.resolve("bin/kc.sh"))) {
      return copy;
    }
    Path partial = Files.createTempDirectory(home.getParent(), "copy-");
    try (Stream<Path> files = Files.walk(home)) {
      for (Path from : files.toList()) {
        Path to = partial.resolve(home.relativize(from).toString());
        if (Files.isDirectory(from)) {
          Files.createDirectories(to);
        } else {
          Files.copy(from, to, StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
    }
    Files.move(partial, copy, StandardCopyOption.ATOMIC_MOVE);
    return copy;
  }

  static Optional<Path> java21() {
    for (String given : new String[] {System.getProperty("hoctap.test.keycloak-java"),
        System.getenv("KEYCLOAK_JAVA_HOME")}) {
      if (given != null && !given.isBlank()) {
        return Optional.of(Path.of(given));
      }
    }
    if (Runtime.version().feature() >= 21) {
      return Optional.of(Path.of(System.getProperty("java.home")));
    }
    Path jvms = Path.of("/usr/lib/jvm");
    if (!Files.isDirectory(jvms)) {
      return Optional.empty();
    }
    try (Stream<Path> all = Files.list(jvms)) {
      return all.filter(p -> Files.isExecutable(p.resolve("bin/java")))
          .filter(p -> version(p) >= 21)
          .max(Comparator.comparingInt(KeycloakServer::version));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The feature version in the JDK's release file ({@code JAVA_VERSION="25.0.1"}), 0 if unreadable. */
  private static int version(Path jdk) {
    try {
      for (String line : Files.readAllLines(jdk.resolve("release"))) {
        if (line.startsWith("JAVA_VERSION=")) {
          String v = line.substring("JAVA_VERSION=".length()).replace("\"", "");
          return Integer.parseInt(v.split("[.+-]")[0]);
        }
      }
    } catch (IOException | RuntimeException e) {
      return 0;
    }
    return 0;
  }

  static int freePort() {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
