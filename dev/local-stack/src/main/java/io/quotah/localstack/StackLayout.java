package io.quotah.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Where things are: the checkout, its {@code .quotah/} state folder, and the runnable jars the build made. */
record StackLayout(Path home) {

    static StackLayout fromSystem() {
        String home = System.getProperty("quotah.home", System.getenv().getOrDefault("QUOTAH_HOME", "."));
        return new StackLayout(Path.of(home).toAbsolutePath().normalize());
    }

    /** {@code .quotah/} in the checkout; tests move it aside ({@code quotah.state}) so a running stack keeps its logs. */
    Path state() {
        String moved = System.getProperty("quotah.state");
        return moved == null ? home.resolve(".quotah") : Path.of(moved).toAbsolutePath();
    }

    Path logs() {
        return state().resolve("logs");
    }

    Path supervisorPidFile() {
        return state().resolve("stack.pid");
    }

    Path stateFile() {
        return state().resolve("stack.properties");
    }

    Path kafkaClasspath() {
        return home.resolve("dev/kafka-broker/target/lib");
    }

    /** GreenMail standalone, copied here by the build (see this module's pom). */
    Path mailCatcherJar() {
        Path jar = home.resolve("dev/local-stack/target/mail-catcher/greenmail-standalone.jar");
        if (!Files.isRegularFile(jar)) {
            throw new StackException("The mail catcher's jar is missing (" + home.relativize(jar)
                    + "): build first (./quotah up builds what is stale, or: mvn -DskipTests package).");
        }
        return jar;
    }

    /** The runnable jar of a module, e.g. {@code analytics-service/target/analytics-service-0.1.0-SNAPSHOT-exec.jar}. */
    Path runnableJar(String module) {
        Path target = home.resolve(module).resolve("target");
        try (Stream<Path> files = Files.exists(target) ? Files.list(target) : Stream.empty()) {
            return files.filter(file -> file.getFileName().toString().endsWith("-exec.jar"))
                    .findFirst()
                    .orElseThrow(() -> new StackException("No runnable jar in " + home.relativize(target)
                            + ": build first (./quotah up builds what is stale, or: mvn -DskipTests package)."));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void createFolders() {
        try {
            Files.createDirectories(logs());
            Files.createDirectories(state().resolve("cds"));
        } catch (IOException e) {
            throw new StackException("Cannot create " + logs() + ": " + e.getMessage(), e);
        }
    }
}
