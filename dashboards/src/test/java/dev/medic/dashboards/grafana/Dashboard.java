package dev.medic.dashboards.grafana;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One dashboard file, as Grafana reads it: its variables, and its panels with their queries
 * (panels inside collapsed rows included).
 *
 * @param file the JSON file
 * @param json its content
 */
public record Dashboard(Path file, Map<String, Object> json) {

    public String uid() {
        return Maps.string(json, "uid");
    }

    public String title() {
        return Maps.string(json, "title");
    }

    /** The template variables, in order (Grafana resolves them in this order). */
    public List<Map<String, Object>> variables() {
        return Maps.maps(Maps.map(json, "templating"), "list");
    }

    /** Every panel, rows and the panels collapsed inside rows included. */
    public List<Map<String, Object>> panels() {
        List<Map<String, Object>> all = new ArrayList<>();
        for (Map<String, Object> panel : Maps.maps(json, "panels")) {
            all.add(panel);
            all.addAll(Maps.maps(panel, "panels"));
        }
        return all;
    }

    /** The panels that query something (rows and text panels do not). */
    public List<Map<String, Object>> queryPanels() {
        return panels().stream().filter(panel -> !Maps.maps(panel, "targets").isEmpty()).toList();
    }

    public Optional<Map<String, Object>> panel(int id) {
        return panels().stream().filter(panel -> Maps.number(panel, "id").map(Number::intValue).orElse(-1) == id)
            .findFirst();
    }

    public Map<String, Object> panel(String title) {
        return panels().stream().filter(panel -> title.equals(panel.get("title"))).findFirst()
            .orElseThrow(() -> new IllegalArgumentException(uid() + " has no panel '" + title + "'"));
    }

    /** The dashboard's default time range, such as {@code now-6h} to {@code now}. */
    public String timeFrom() {
        return Maps.string(Maps.map(json, "time"), "from");
    }

    public String timeTo() {
        return Maps.string(Maps.map(json, "time"), "to");
    }

    @Override
    public String toString() {
        return file.getFileName().toString();
    }
}
