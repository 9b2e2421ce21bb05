package org.brokerscope.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import java.util.random.RandomGenerator;

/**
 * Expands the variables a publish template may hold: {@code {timestamp}} (ISO-8601, UTC, milliseconds),
 * {@code {counter}}, {@code {random:MIN:MAX}} (inclusive; decimals when a bound has them) and {@code {uuid}}.
 * {@code {{} is a literal brace.
 *
 * <p>Only {@code {} followed by a lower-case word and then {@code }} or {@code :} is a variable, so JSON
 * ({@code {"a": {"b": 1}}}) passes through untouched; such a word that is not a known variable is an error,
 * not silently kept, because it is almost always a typo.
 */
public final class PayloadTemplate {
    private PayloadTemplate() {
    }

    /** What varies between expansions: the repeat counter, the clock and the random source. */
    public record Context(long counter, Instant now, RandomGenerator random) {
    }

    /** Why a template cannot be expanded, and where (a character index into the template). */
    public record Error(Problem problem, int position, String fragment) {
    }

    public enum Problem { UNCLOSED, UNKNOWN_VARIABLE, UNEXPECTED_ARGUMENTS, BAD_RANDOM_RANGE, RANDOM_MIN_ABOVE_MAX }

    /** The expanded text, or the first error. */
    public record Result(Optional<String> text, Optional<Error> error) {
        static Result ok(String text) {
            return new Result(Optional.of(text), Optional.empty());
        }

        static Result failed(Problem problem, int position, String fragment) {
            return new Result(Optional.empty(), Optional.of(new Error(problem, position, fragment)));
        }
    }

    /** The first error in a template, if any, without caring about the values. */
    public static Optional<Error> check(String template) {
        return expand(template, new Context(0, Instant.EPOCH, RandomGenerator.of("L64X128MixRandom"))).error();
    }

    public static Result expand(String template, Context context) {
        StringBuilder out = new StringBuilder(template.length() + 16);
        int i = 0;
        while (i < template.length()) {
            char c = template.charAt(i);
            if (c != '{') {
                out.append(c);
                i++;
            } else if (i + 1 < template.length() && template.charAt(i + 1) == '{') {
                out.append('{');
                i += 2;
            } else {
                int nameEnd = wordEnd(template, i + 1);
                if (nameEnd == i + 1 || nameEnd < template.length()
                        && template.charAt(nameEnd) != '}' && template.charAt(nameEnd) != ':') {
                    out.append(c); // "{" not followed by a variable name: literal, as in JSON
                    i++;
                    continue;
                }
                int close = template.indexOf('}', nameEnd);
                if (close < 0) {
                    return Result.failed(Problem.UNCLOSED, i, template.substring(i, Math.min(template.length(), nameEnd + 12)));
                }
                Result value = variable(template.substring(i + 1, nameEnd), template.substring(nameEnd, close), i,
                        template.substring(i, close + 1), context);
                if (value.error().isPresent()) {
                    return value;
                }
                out.append(value.text().orElseThrow());
                i = close + 1;
            }
        }
        return Result.ok(out.toString());
    }

    private static int wordEnd(String s, int from) {
        int i = from;
        while (i < s.length() && s.charAt(i) >= 'a' && s.charAt(i) <= 'z') {
            i++;
        }
        return i;
    }

    /** @param arguments empty, or ":..." up to the closing brace */
    private static Result variable(String name, String arguments, int at, String fragment, Context context) {
        if (!name.equals("random") && !name.equals("timestamp") && !name.equals("counter") && !name.equals("uuid")) {
            return Result.failed(Problem.UNKNOWN_VARIABLE, at, fragment);
        }
        if (name.equals("random")) {
            return random(arguments, at, fragment, context.random());
        }
        if (!arguments.isEmpty()) {
            return Result.failed(Problem.UNEXPECTED_ARGUMENTS, at, fragment);
        }
        return Result.ok(switch (name) {
            case "timestamp" -> context.now().truncatedTo(ChronoUnit.MILLIS).toString();
            case "counter" -> Long.toString(context.counter());
            default -> uuid(context.random()).toString();
        });
    }

    private static Result random(String arguments, int at, String fragment, RandomGenerator random) {
        String[] bounds = arguments.isEmpty() ? new String[0] : arguments.substring(1).split(":", -1);
        BigDecimal min;
        BigDecimal max;
        try {
            if (bounds.length != 2) {
                return Result.failed(Problem.BAD_RANDOM_RANGE, at, fragment);
            }
            min = new BigDecimal(bounds[0].strip());
            max = new BigDecimal(bounds[1].strip());
        } catch (NumberFormatException e) {
            return Result.failed(Problem.BAD_RANDOM_RANGE, at, fragment);
        }
        if (min.compareTo(max) > 0) {
            return Result.failed(Problem.RANDOM_MIN_ABOVE_MAX, at, fragment);
        }
        int scale = Math.max(0, Math.max(min.scale(), max.scale()));
        // Draw an integer number of steps of 10^-scale, so both bounds are reachable.
        BigDecimal steps = max.subtract(min).movePointRight(scale);
        if (steps.compareTo(BigDecimal.valueOf(Long.MAX_VALUE - 1)) > 0) {
            return Result.failed(Problem.BAD_RANDOM_RANGE, at, fragment);
        }
        long drawn = random.nextLong(steps.longValueExact() + 1);
        return Result.ok(min.add(BigDecimal.valueOf(drawn).movePointLeft(scale)).setScale(scale, RoundingMode.UNNECESSARY)
                .toPlainString());
    }

    // A version 4 UUID from the context's random source, so tests can fix it.
    private static UUID uuid(RandomGenerator random) {
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low);
    }
}
