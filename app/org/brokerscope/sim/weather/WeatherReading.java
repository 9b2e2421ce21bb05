package org.brokerscope.sim.weather;

import java.time.Instant;

/** One current-weather report: °C, % and hPa, and when the service measured it. */
public record WeatherReading(double temperature, double humidity, double pressure, Instant measuredAt) {
}
