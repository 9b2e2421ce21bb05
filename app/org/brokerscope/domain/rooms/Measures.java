package org.brokerscope.domain.rooms;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Recognises measures by name, in English and in French, accents and case ignored. */
public final class Measures {
    public static final MeasureKind TEMPERATURE = known("temperature", "°C", -10, 40, 1, AlertRule.outside(15, 28, 0.5));
    public static final MeasureKind HUMIDITY = known("humidity", "%", 0, 100, 0, AlertRule.outside(30, 70, 2));
    public static final MeasureKind PRESSURE = known("pressure", "hPa", 950, 1050, 0, null);
    public static final MeasureKind CO2 = known("co2", "ppm", 400, 2000, 0, AlertRule.above(1000, 50));
    public static final MeasureKind LIGHT = known("light", "lx", 0, 1000, 0, null);
    public static final MeasureKind NOISE = known("noise", "dB", 30, 100, 0, AlertRule.above(70, 3));
    public static final MeasureKind BATTERY = known("battery", "%", 0, 100, 0, AlertRule.below(20, 5));

    private static final Map<String, MeasureKind> BY_NAME = byName(Map.of(
            TEMPERATURE, List.of("temperature", "temp", "temperatur", "tmp"),
            HUMIDITY, List.of("humidity", "humidite", "hum", "rh", "humid"),
            PRESSURE, List.of("pressure", "pression", "press", "baro"),
            CO2, List.of("co2", "eco2", "carbondioxide"),
            LIGHT, List.of("light", "luminosite", "lux", "lum", "illuminance", "luminance"),
            NOISE, List.of("noise", "bruit", "sound", "son"),
            BATTERY, List.of("battery", "batterie", "batt", "bat")));

    private Measures() {
    }

    /** The known measure called {@code name} (any language, case or accents), if there is one. */
    public static Optional<MeasureKind> known(String name) {
        return Optional.ofNullable(BY_NAME.get(normalise(name)));
    }

    /** The known measure, or a generic one named after the level, range 0–100 and no alert rule. */
    public static MeasureKind recognise(String name) {
        return known(name).orElseGet(() -> new MeasureKind(name.toLowerCase(Locale.ROOT), "", 0, 100, 1,
                Optional.empty(), false));
    }

    static String normalise(String name) {
        if (isPlainLowercase(name)) {
            return name; // the usual case, and on the hot path: skip the Unicode normalisation and regex
        }
        String plain = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return plain.toLowerCase(Locale.ROOT).replace("_", "").replace("-", "").replace(" ", "");
    }

    private static boolean isPlainLowercase(String name) {
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9')) {
                return false;
            }
        }
        return true;
    }

    private static MeasureKind known(String id, String unit, double min, double max, int decimals, AlertRule rule) {
        return new MeasureKind(id, unit, min, max, decimals, Optional.ofNullable(rule), true);
    }

    private static Map<String, MeasureKind> byName(Map<MeasureKind, List<String>> aliases) {
        Map<String, MeasureKind> map = new HashMap<>();
        aliases.forEach((kind, names) -> names.forEach(n -> map.put(n, kind)));
        return Map.copyOf(map);
    }
}
