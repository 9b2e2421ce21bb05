package org.brokerscope.sim;

/** Picks and tunes the signal model for a sensor's measure, occupancy and baseline. */
public final class SignalModels {
    private SignalModels() {
    }

    public static SignalModel forSpec(SensorSpec spec) {
        boolean outdoors = spec.occupancy() == Occupancy.NONE;
        long seed = spec.seed();
        return switch (spec.measure()) {
            case TEMPERATURE -> outdoors ? TemperatureModel.outdoor(spec.baseline().orElse(12), seed)
                    : TemperatureModel.indoor(spec.baseline().orElse(21), seed);
            case HUMIDITY -> DailyCycleModel.humidity(spec.baseline().orElse(outdoors ? 70 : 45), seed);
            case CO2 -> switch (spec.occupancy()) {
                case HOME -> new Co2Model(Occupancy.HOME, 50, 0.7, seed);
                case CLASSROOM -> new Co2Model(Occupancy.CLASSROOM, 180, 3, seed);
                case NONE -> new Co2Model(Occupancy.NONE, 50, 1, seed);
            };
            case LIGHT -> new LightModel(spec.occupancy(), outdoors ? 60_000 : 500, seed);
            case PRESSURE -> new PressureModel(seed);
            case NOISE -> new NoiseLevelModel(spec.occupancy(), seed);
            case MOTION -> EventModel.motion(spec.occupancy(), seed);
            case DOOR -> EventModel.door(spec.occupancy(), seed);
            case BATTERY -> new BatteryModel(spec.baseline().orElse(100), 2, seed);
        };
    }
}
