package org.brokerscope.mqtt;

import org.brokerscope.domain.Message;

/**
 * Where a connection hands received messages. Called on the MQTT client's callback thread, so an
 * implementation must only enqueue and return: the client stalls its network reader while it waits.
 */
@FunctionalInterface
public interface MessageSink {
    void accept(Message message);
}
