package dev.medic.dashboards.grafana;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import dev.medic.influxdb.testing.MiniJson;

/**
 * The InfluxQL side of Grafana's InfluxDB data source, reproduced: the back end's macros, its
 * interval calculation, the request it sends and how it turns series into data frames.
 *
 * <p>Sources: grafana/grafana {@code pkg/tsdb/influxdb/influxql} ({@code Query.Build}:
 * {@code $timeFilter} becomes {@code time >= FROMms and time <= TOms}, then {@code $interval},
 * {@code $__interval_ms}, {@code $__interval}, in that order; nothing else is replaced, so
 * {@code $__timeFilter}, which is SQL's macro, would reach InfluxDB as it is),
 * {@code pkg/tsdb/intervalv2} and the plugin SDK's {@code gtime.FormatInterval}.
 */
public final class InfluxQl {

    /** Grafana's default for {@code maxDataPoints} when a query sets none. */
    public static final long DEFAULT_MAX_DATA_POINTS = 1500;

    private InfluxQl() {
    }

    /** An absolute time range, as the back end receives it. */
    public record TimeRange(Instant from, Instant to) {

        /** {@code now-6h}, {@code now-30m}, {@code now}: the relative forms the dashboards use. */
        public static TimeRange relative(String from, String to, Instant now) {
            return new TimeRange(parse(from, now), parse(to, now));
        }

        public static TimeRange lastSeconds(long from, long to, Instant now) {
            return new TimeRange(now.minusSeconds(from), now.minusSeconds(to));
        }

        private static Instant parse(String text, Instant now) {
            if (text.equals("now")) {
                return now;
            }
            if (!text.startsWith("now-")) {
                throw new IllegalArgumentException("time '" + text + "' is not reproduced");
            }
            return now.minus(duration(text.substring(4)));
        }
    }

    /** {@code 30s}, {@code 5m}, {@code 6h}, {@code 2d}, {@code 1w}. */
    public static Duration duration(String text) {
        long amount = Long.parseLong(text.substring(0, text.length() - 1));
        return switch (text.charAt(text.length() - 1)) {
            case 's' -> Duration.ofSeconds(amount);
            case 'm' -> Duration.ofMinutes(amount);
            case 'h' -> Duration.ofHours(amount);
            case 'd' -> Duration.ofDays(amount);
            case 'w' -> Duration.ofDays(7 * amount);
            default -> throw new IllegalArgumentException("duration '" + text + "' is not reproduced");
        };
    }

    /** The back end's macros, replaced as {@code Query.Build} does for a raw query. */
    public static String interpolate(String query, TimeRange range, Duration interval) {
        String text = formatInterval(interval);
        return query.replace("$timeFilter", "time >= " + range.from().toEpochMilli() + "ms and time <= "
                + range.to().toEpochMilli() + "ms")
            .replace("$interval", text)
            .replace("$__interval_ms", Long.toString(interval.toMillis()))
            .replace("$__interval", text);
    }

    /** {@code intervalv2.Calculate}: the range over the data points, never below the minimum, rounded. */
    public static Duration interval(TimeRange range, long maxDataPoints, Duration minimum) {
        Duration calculated = Duration.between(range.from(), range.to()).dividedBy(maxDataPoints);
        return round(calculated.compareTo(minimum) < 0 ? minimum : calculated);
    }

    private static final long[][] ROUNDING = {
        {10, 1}, {15, 10}, {35, 20}, {75, 50}, {150, 100}, {350, 200}, {750, 500}, {1500, 1000}, {3500, 2000},
        {7500, 5000}, {12500, 10000}, {17500, 15000}, {25000, 20000}, {45000, 30000}, {90000, 60000},
        {210000, 120000}, {450000, 300000}, {750000, 600000}, {1050000, 900000}, {1500000, 1200000},
        {2700000, 1800000}, {5400000, 3600000}, {9000000, 7200000}, {16200000, 10800000}, {32400000, 21600000},
        {86400000, 43200000}, {172800000, 86400000}, {604800000, 86400000}, {1814400000, 604800000}};

    /** {@code roundInterval}: a rounder, smaller interval. */
    public static Duration round(Duration interval) {
        long millis = interval.toMillis();
        for (long[] step : ROUNDING) {
            if (millis <= step[0]) {
                return Duration.ofMillis(step[1]);
            }
        }
        return millis < 3628800000L ? Duration.ofDays(30) : Duration.ofDays(365);
    }

    /** {@code gtime.FormatInterval}: the largest whole unit. */
    public static String formatInterval(Duration interval) {
        long ms = interval.toMillis();
        long day = Duration.ofDays(1).toMillis();
        if (ms >= 365 * day) {
            return ms / (365 * day) + "y";
        }
        if (ms >= day) {
            return ms / day + "d";
        }
        if (ms >= 3_600_000) {
            return ms / 3_600_000 + "h";
        }
        if (ms >= 60_000) {
            return ms / 60_000 + "m";
        }
        if (ms >= 1000) {
            return ms / 1000 + "s";
        }
        return ms >= 1 ? ms + "ms" : "1ms";
    }

    /** One series of an InfluxQL answer. */
    public record Series(String name, Map<String, String> tags, List<String> columns, List<List<Object>> values) {

        /** The values of a column, in row order. */
        public List<Object> column(String column) {
            int index = columns.indexOf(column);
            if (index < 0) {
                throw new IllegalArgumentException("no column " + column + " in " + columns);
            }
            return values.stream().map(row -> row.get(index)).toList();
        }
    }

    /**
     * What InfluxDB answered to one statement.
     *
     * @param query  the statement as sent
     * @param series its series, in order
     * @param error  InfluxDB's error, if it refused the statement
     */
    public record Result(String query, List<Series> series, Optional<String> error) {

        public Result orFail() {
            if (error.isPresent()) {
                throw new AssertionError("InfluxDB refused " + query + ": " + error.get());
            }
            return this;
        }

        /** Every row of every series as column → value, with the series' tags (what a table panel shows). */
        public List<Map<String, Object>> rows() {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (Series one : series) {
                for (List<Object> values : one.values()) {
                    Map<String, Object> row = new LinkedHashMap<>(one.tags());
                    for (int i = 0; i < one.columns().size(); i++) {
                        row.put(one.columns().get(i), values.get(i));
                    }
                    rows.add(row);
                }
            }
            return rows;
        }
    }

    /**
     * Sends one statement the way the data source does with {@code httpMode: POST}: the query in
     * a form body, the database and {@code epoch=ms} in the URL.
     */
    public static Result execute(String url, String database, String query) {
        try {
            HttpURLConnection connection = (HttpURLConnection) URI.create(url + "/query?db="
                + URLEncoder.encode(database, StandardCharsets.UTF_8) + "&epoch=ms").toURL().openConnection();
            connection.setRequestMethod("POST");
            connection.setConnectTimeout(5000);
            connection.setReadTimeout(60_000);
            connection.setDoOutput(true);
            connection.setRequestProperty("Content-Type", "application/x-www-form-urlencoded");
            try (OutputStream out = connection.getOutputStream()) {
                out.write(("q=" + URLEncoder.encode(query, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
            }
            int status = connection.getResponseCode();
            InputStream body = status < 400 ? connection.getInputStream() : connection.getErrorStream();
            String text = body == null ? "" : new String(body.readAllBytes(), StandardCharsets.UTF_8);
            return parse(query, status, text);
        } catch (IOException e) {
            return new Result(query, List.of(), Optional.of("cannot reach InfluxDB: " + e));
        }
    }

    private static Result parse(String query, int status, String text) {
        Map<?, ?> answer;
        try {
            answer = (Map<?, ?>) MiniJson.parse(text);
        } catch (RuntimeException e) {
            return new Result(query, List.of(), Optional.of("HTTP " + status + ": " + text));
        }
        if (answer.get("error") != null) {
            return new Result(query, List.of(), Optional.of(String.valueOf(answer.get("error"))));
        }
        List<?> results = (List<?>) answer.get("results");
        if (results.size() != 1) {
            return new Result(query, List.of(), Optional.of(results.size() + " statements; one per query is expected"));
        }
        Map<?, ?> result = (Map<?, ?>) results.get(0);
        if (result.get("error") != null) {
            return new Result(query, List.of(), Optional.of(String.valueOf(result.get("error"))));
        }
        List<Series> series = new ArrayList<>();
        if (result.get("series") instanceof List<?> list) {
            for (Object item : list) {
                Map<?, ?> one = (Map<?, ?>) item;
                Map<String, String> tags = new TreeMap<>();
                if (one.get("tags") instanceof Map<?, ?> map) {
                    map.forEach((key, value) -> tags.put((String) key, String.valueOf(value)));
                }
                List<String> columns = ((List<?>) one.get("columns")).stream().map(String::valueOf).toList();
                List<List<Object>> values = new ArrayList<>();
                for (Object row : (List<?>) one.get("values")) {
                    values.add(new ArrayList<>((List<?>) row));
                }
                series.add(new Series(String.valueOf(one.get("name")), tags, columns, values));
            }
        }
        return new Result(query, series, Optional.empty());
    }

    /**
     * A time-series data frame as the back end builds it for {@code resultFormat: time_series}:
     * one per series and value column, labelled with the series' tags.
     *
     * @param name   {@code measurement.column}
     * @param labels the series' tags
     * @param times  epoch milliseconds
     * @param values numbers (Double), strings, or null
     */
    public record Frame(String name, Map<String, String> labels, List<Long> times, List<Object> values) {
    }

    public static List<Frame> frames(Result result) {
        List<Frame> frames = new ArrayList<>();
        for (Series series : result.series()) {
            List<Long> times = series.column("time").stream().map(time -> ((Number) time).longValue()).toList();
            for (String column : series.columns()) {
                if (column.equals("time")) {
                    continue;
                }
                List<Object> values = series.column(column).stream()
                    .map(value -> value instanceof Number n ? (Object) n.doubleValue() : value).toList();
                frames.add(new Frame(series.name() + "." + column, series.tags(), times, values));
            }
        }
        return frames;
    }

    /** For messages: a query that reached InfluxDB must not still hold a variable Grafana would have replaced. */
    public static void requireNoVariables(String query) {
        if (!TemplateSrv.references(query).isEmpty()) {
            throw new AssertionError("unreplaced variable(s) " + TemplateSrv.references(query) + " in: " + query);
        }
    }
}
