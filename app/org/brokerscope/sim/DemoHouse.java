package org.brokerscope.sim;

import java.util.List;

/**
 * The demo that makes a first start come alive: the built-in house scenario's three rooms under
 * {@code maison/<room>/<measure>}, the convention French MQTT classes use.
 */
public final class DemoHouse {
    public static final String SITE = "maison";
    public static final List<String> ROOMS = List.of("salon", "cuisine", "chambre");

    private DemoHouse() {
    }
}
