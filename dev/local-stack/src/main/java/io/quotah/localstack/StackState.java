package io.quotah.localstack;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * What a running stack wrote down for {@code ./quotah status} and {@code ./quotah down}: the supervising
 * process and each component with its pid (when quotah started it), address and origin.
 */
final class StackState {

    /** One line of the status table. */
    record Component(String name, String address, String readinessUrl, long pid, String origin) {
    }

    private final StackLayout layout;

    StackState(StackLayout layout) {
        this.layout = layout;
    }

    /** The supervisor of a stack that still runs, if any. */
    Optional<ProcessHandle> runningSupervisor() {
        Path file = layout.supervisorPidFile();
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            long pid = Long.parseLong(Files.readString(file).trim());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                    .filter(handle -> handle.info().commandLine().map(line -> line.contains("local-stack"))
                            .orElse(true));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    void claim() {
        write(layout.supervisorPidFile(), Long.toString(ProcessHandle.current().pid()));
    }

    void save(List<Component> components) {
        Properties properties = new Properties();
        properties.setProperty("count", Integer.toString(components.size()));
        for (int i = 0; i < components.size(); i++) {
            Component component = components.get(i);
            properties.setProperty(i + ".name", component.name());
            properties.setProperty(i + ".address", component.address());
            properties.setProperty(i + ".readiness", component.readinessUrl() == null ? "" : component.readinessUrl());
            properties.setProperty(i + ".pid", Long.toString(component.pid()));
            properties.setProperty(i + ".origin", component.origin());
        }
        try (Writer out = Files.newBufferedWriter(layout.stateFile())) {
            properties.store(out, "written by ./quotah up");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<Component> load() {
        List<Component> components = new ArrayList<>();
        if (!Files.exists(layout.stateFile())) {
            return components;
        }
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(layout.stateFile())) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int count = Integer.parseInt(properties.getProperty("count", "0"));
        for (int i = 0; i < count; i++) {
            String readiness = properties.getProperty(i + ".readiness");
            components.add(new Component(properties.getProperty(i + ".name"), properties.getProperty(i + ".address"),
                    readiness == null || readiness.isEmpty() ? null : readiness,
                    Long.parseLong(properties.getProperty(i + ".pid", "0")), properties.getProperty(i + ".origin")));
        }
        return components;
    }

    void clear() {
        try {
            Files.deleteIfExists(layout.stateFile());
            Files.deleteIfExists(layout.supervisorPidFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path file, String content) {
        try {
            Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
