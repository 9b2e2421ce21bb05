package org.brokerscope.broker;

import com.hivemq.extension.sdk.api.ExtensionMain;
import com.hivemq.extension.sdk.api.events.client.ClientLifecycleEventListener;
import com.hivemq.extension.sdk.api.events.client.parameters.AuthenticationSuccessfulInput;
import com.hivemq.extension.sdk.api.events.client.parameters.ConnectionStartInput;
import com.hivemq.extension.sdk.api.events.client.parameters.DisconnectEventInput;
import com.hivemq.extension.sdk.api.interceptor.publish.PublishInboundInterceptor;
import com.hivemq.extension.sdk.api.interceptor.subscribe.SubscribeInboundInterceptor;
import com.hivemq.extension.sdk.api.parameter.ExtensionStartInput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStartOutput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStopInput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStopOutput;
import com.hivemq.extension.sdk.api.services.Services;

/**
 * HiveMQ extension, embedded, that records client lifecycle, subscriptions and publishes into a
 * {@link BrokerActivity}. Its callbacks run on HiveMQ's network threads, so each one only enqueues.
 */
final class ActivityExtension implements ExtensionMain {
    private final BrokerActivity activity;

    ActivityExtension(BrokerActivity activity) {
        this.activity = activity;
    }

    @Override
    public void extensionStart(ExtensionStartInput input, ExtensionStartOutput output) {
        Services.eventRegistry().setClientLifecycleEventListener(provider -> new Lifecycle());
        PublishInboundInterceptor publishes = (in, out) -> activity.record(new BrokerEvent.Published(
                in.getClientInformation().getClientId(), in.getPublishPacket().getTopic(),
                in.getPublishPacket().getPayload().map(java.nio.ByteBuffer::remaining).orElse(0)));
        SubscribeInboundInterceptor subscribes = (in, out) -> in.getSubscribePacket().getSubscriptions()
                .forEach(s -> activity.record(new BrokerEvent.Subscribed(in.getClientInformation().getClientId(),
                        s.getTopicFilter(), s.getQos().getQosNumber())));
        Services.initializerRegistry().setClientInitializer((initializer, client) -> {
            client.addPublishInboundInterceptor(publishes);
            client.addSubscribeInboundInterceptor(subscribes);
        });
    }

    @Override
    public void extensionStop(ExtensionStopInput input, ExtensionStopOutput output) {
        // Nothing to release: the broker drops its registries as it stops.
    }

    private final class Lifecycle implements ClientLifecycleEventListener {
        @Override
        public void onMqttConnectionStart(ConnectionStartInput input) {
            // Wait for authentication: a refused client never took part.
        }

        @Override
        public void onAuthenticationSuccessful(AuthenticationSuccessfulInput input) {
            activity.record(new BrokerEvent.Connected(input.getClientInformation().getClientId()));
        }

        @Override
        public void onDisconnect(DisconnectEventInput input) {
            activity.record(new BrokerEvent.Disconnected(input.getClientInformation().getClientId()));
        }
    }
}
