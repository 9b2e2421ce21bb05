package org.brokerscope.mqtt;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledThreadPoolExecutor;

/**
 * One executor for many Paho clients, so a thousand connections do not cost four thousand threads.
 *
 * <p>Paho submits each client's receiver, sender and callback loops as long-running tasks, which would
 * hold a pooled thread each for the connection's life; here they run on virtual threads, which cost
 * no OS thread while they wait on the socket or a lock (JDK 24+ also unmounts them inside
 * {@code synchronized}, which Paho uses throughout). Other timed work Paho asks for goes to a single
 * platform timer thread; keep-alive checks do not come here ({@link KeepAliveChecker}). Shut it down after
 * closing the connections that use it.
 */
public final class SharedClientExecutor extends ScheduledThreadPoolExecutor {
    private final ExecutorService loops;

    public SharedClientExecutor(String name) {
        super(1, Thread.ofPlatform().name(name + "-timer").daemon(true).factory());
        setRemoveOnCancelPolicy(true);
        this.loops = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name(name + "-", 0).factory());
    }

    @Override
    public void execute(Runnable command) {
        loops.execute(command);
    }

    @Override
    public Future<?> submit(Runnable task) {
        return loops.submit(task);
    }

    @Override
    public <T> Future<T> submit(Runnable task, T result) {
        return loops.submit(task, result);
    }

    @Override
    public <T> Future<T> submit(Callable<T> task) {
        return loops.submit(task);
    }

    @Override
    public void shutdown() {
        super.shutdown();
        loops.shutdown();
    }

    @Override
    public List<Runnable> shutdownNow() {
        loops.shutdownNow();
        return super.shutdownNow();
    }
}
