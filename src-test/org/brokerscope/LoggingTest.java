package org.brokerscope;

import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The log file is capped: a runaway logger rotates through a few files instead of filling the disk. */
class LoggingTest {

    @Test
    void tenMegabytesOfLogLinesLeaveAtMostFourFilesOfAboutTwoMegabytes() throws Exception {
        Logging.configure();
        System.Logger log = System.getLogger("org.brokerscope.LoggingTest");
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Appender<ILoggingEvent> console = root.getAppender("CONSOLE");
        root.detachAppender(console); // ten megabytes of x on the build's console help nobody
        try {
            String line = "x".repeat(1_000);
            // 40 bursts over about 4 s: logback looks at the file's size at most every 250 ms.
            for (int burst = 0; burst < 40; burst++) {
                for (int i = 0; i < 250; i++) {
                    log.log(System.Logger.Level.WARNING, "{0} {1}", burst * 250 + i, line);
                }
                Thread.sleep(100);
            }
        } finally {
            root.addAppender(console);
        }

        List<Path> files = logFiles(Logging.currentFile().getParent());
        assertTrue(files.size() >= 2 && files.size() <= 4, "rotated into 2-4 files: " + files);
        for (Path file : files) {
            // At most 2 MB, plus what can be written in one 250 ms check interval.
            assertTrue(Files.size(file) < 2_700_000, file + " is " + Files.size(file) + " bytes");
        }
        assertTrue(Files.readString(Logging.currentFile()).contains("9,999 x"), "the newest lines are in the current file");
    }

    private static List<Path> logFiles(Path folder) throws IOException {
        try (Stream<Path> listed = Files.list(folder)) {
            return listed.filter(p -> p.getFileName().toString().startsWith("brokerscope")).toList();
        }
    }
}
