package org.brokerscope.mqtt;

import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.common.MqttException;

/** Paho v5's listener callbacks as a future: one adapter for connect, subscribe and publish alike. */
final class PahoV5Calls {
    private PahoV5Calls() {
    }

    /** One asynchronous Paho v5 call, started with the listener that completes it. */
    @FunctionalInterface
    interface PahoCall {
        void start(MqttActionListener listener) throws MqttException;
    }

    /** Starts {@code action}; the future holds {@code onSuccess} of its token, or why it failed or was refused. */
    static <T> CompletableFuture<T> call(PahoCall action, Function<IMqttToken, T> onSuccess) {
        CompletableFuture<T> result = new CompletableFuture<>();
        try {
            action.start(new MqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    result.complete(onSuccess.apply(token));
                }

                @Override
                public void onFailure(IMqttToken token, Throwable error) {
                    result.completeExceptionally(error);
                }
            });
        } catch (MqttException | RuntimeException e) {
            result.completeExceptionally(e);
        }
        return result;
    }
}
