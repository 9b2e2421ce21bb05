package org.brokerscope.broker;

import com.hivemq.extension.sdk.api.ExtensionMain;
import com.hivemq.extension.sdk.api.events.client.ClientLifecycleEventListener;
import com.hivemq.extension.sdk.api.events.client.parameters.AuthenticationSuccessfulInput;
import com.hivemq.extension.sdk.api.events.client.parameters.ConnectionStartInput;
import com.hivemq.extension.sdk.api.events.client.parameters.DisconnectEventInput;
import com.hivemq.extension.sdk.api.interceptor.publish.PublishInboundInterceptor;
import com.hivemq.extension.sdk.api.interceptor.publish.PublishOutboundInterceptor;
import com.hivemq.extension.sdk.api.interceptor.subscribe.SubscribeInboundInterceptor;
import com.hivemq.extension.sdk.api.interceptor.unsubscribe.UnsubscribeInboundInterceptor;
import com.hivemq.extension.sdk.api.packets.general.MqttVersion;
import com.hivemq.extension.sdk.api.parameter.ExtensionStartInput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStartOutput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStopInput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStopOutput;
import com.hivemq.extension.sdk.api.services.Services;

/**
 * HiveMQ extension, embedded, that records client lifecycle, subscriptions and publishes into a
 * {@link BrokerActivity}, and checks credentials of clients from the network when sharing asks for them.
 * Its callbacks run on HiveMQ's network threads, so each one only enqueues or counts.
 */
final class ActivityExtension implements ExtensionMain {
    private final BrokerActivity activity;
    private final SharingAuthenticator authenticator;

    ActivityExtension(BrokerActivity activity, SharingAuthenticator authenticator) {
        this.activity = activity;
        this.authenticator = authenticator;
    }

    @Override
    public void extensionStart(ExtensionStartInput input, ExtensionStartOutput output) {
        Services.eventRegistry().setClientLifecycleEventListener(provider -> new Lifecycle());
        Services.securityRegistry().setAuthenticatorProvider(provider -> authenticator);
        PublishInboundInterceptor publishes = (in, out) -> activity.record(new BrokerEvent.Published(
                in.getClientInformation().getClientId(), in.getPublishPacket().getTopic(),
                in.getPublishPacket().getPayload().map(java.nio.ByteBuffer::remaining).orElse(0)));
        // Deliveries are only counted, not queued: one event per delivery would multiply the feed.
        PublishOutboundInterceptor deliveries = (in, out) -> activity.countDelivered(in.getClientInformation().getClientId(),
                in.getPublishPacket().getPayload().map(java.nio.ByteBuffer::remaining).orElse(0));
        SubscribeInboundInterceptor subscribes = (in, out) -> in.getSubscribePacket().getSubscriptions()
                .forEach(s -> activity.record(new BrokerEvent.Subscribed(in.getClientInformation().getClientId(),
                        s.getTopicFilter(), s.getQos().getQosNumber())));
        UnsubscribeInboundInterceptor unsubscribes = (in, out) -> in.getUnsubscribePacket().getTopicFilters()
                .forEach(f -> activity.record(new BrokerEvent.Unsubscribed(in.getClientInformation().getClientId(), f)));
        Services.initializerRegistry().setClientInitializer((initializer, client) -> {
            client.addPublishInboundInterceptor(publishes);
            client.addPublishOutboundInterceptor(deliveries);
            client.addSubscribeInboundInterceptor(subscribes);
            client.addUnsubscribeInboundInterceptor(unsubscribes);
        });
    }

    @Override
    public void extensionStop(ExtensionStopInput input, ExtensionStopOutput output) {
        // Nothing to release: the broker drops its registries as it stops.
    }

    static String versionText(MqttVersion version) {
        return switch (version) {
            case V_3_1 -> "3.1";
            case V_3_1_1 -> "3.1.1";
            case V_5 -> "5";
        };
    }

    private final class Lifecycle implements ClientLifecycleEventListener {
        @Override
        public void onMqttConnectionStart(ConnectionStartInput input) {
            // Wait for authentication: a refused client never took part.
        }

        @Override
        public void onAuthenticationSuccessful(AuthenticationSuccessfulInput input) {
            var connection = input.getConnectionInformation();
            String address = connection.getInetAddress().map(java.net.InetAddress::getHostAddress).orElse("?");
            activity.record(new BrokerEvent.Connected(input.getClientInformation().getClientId(), address,
                    versionText(connection.getMqttVersion())));
        }

        @Override
        public void onDisconnect(DisconnectEventInput input) {
            activity.forgetDeliveries(input.getClientInformation().getClientId());
            activity.record(new BrokerEvent.Disconnected(input.getClientInformation().getClientId()));
        }
    }
}
