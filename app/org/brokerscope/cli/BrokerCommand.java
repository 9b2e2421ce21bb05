package org.brokerscope.cli;

import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;
import org.brokerscope.broker.BrokerOptions;
import org.brokerscope.broker.BrokerStartException;
import org.brokerscope.broker.EmbeddedBroker;

/** {@code brokerscope broker}: the embedded broker without a window, e.g. on a teacher's machine. */
final class BrokerCommand {
    private final PrintStream out;
    private final PrintStream err;

    BrokerCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    int run(String[] args) {
        BrokerOptions defaults = BrokerOptions.defaults();
        int port = defaults.preferredPort();
        String bind = defaults.bindAddress();
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--port" -> port = Integer.parseInt(value(args, ++i, "--port"));
                    case "--bind" -> bind = value(args, ++i, "--bind");
                    default -> throw new IllegalArgumentException("Unknown option: " + args[i]);
                }
            }
            BrokerOptions options = new BrokerOptions(bind, port, defaults.maxQueueSize(), defaults.receiveMaximum());
            return serve(options);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return 2;
        } catch (BrokerStartException e) {
            err.println(e.getMessage());
            return 1;
        }
    }

    private int serve(BrokerOptions options) {
        EmbeddedBroker broker = EmbeddedBroker.start(options);
        if (broker.endpoint().portWasTaken()) {
            out.println("Port " + options.preferredPort() + " is in use; using " + broker.endpoint().port() + " instead.");
        }
        out.println("Broker listening on " + broker.endpoint().displayUrl() + " (Ctrl-C to stop)");
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            out.println("Stopping the broker…");
            broker.close();
            stopped.countDown();
        }, "brokerscope-broker-shutdown"));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }
}
