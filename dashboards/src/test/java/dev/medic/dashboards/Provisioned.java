package dev.medic.dashboards;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.medic.dashboards.grafana.GrafanaFiles;
import dev.medic.dashboards.grafana.InfluxQl;
import dev.medic.dashboards.grafana.Maps;

/** What the provisioning files say, as the tests need it: the data source's uid and minimum interval, the rules by uid. */
final class Provisioned {

    static final GrafanaFiles FILES = GrafanaFiles.fromBuild();

    private Provisioned() {
    }

    static Map<String, Object> datasource() {
        List<Map<String, Object>> all = Maps.maps(
            GrafanaFiles.yaml(FILES.provisioning().resolve("datasources/medic-influxdb.yaml")), "datasources");
        if (all.size() != 1) {
            throw new IllegalStateException("one data source is provisioned, not " + all.size());
        }
        return all.get(0);
    }

    static String datasourceUid() {
        return Maps.string(datasource(), "uid");
    }

    /** {@code jsonData.timeInterval}: the smallest {@code $__interval} Grafana uses with this data source. */
    static Duration minInterval() {
        return InfluxQl.duration(Maps.string(Maps.map(datasource(), "jsonData"), "timeInterval"));
    }

    static Map<String, Object> alertRuleFile() {
        return GrafanaFiles.yaml(FILES.provisioning().resolve("alerting/medic-alert-rules.yaml"));
    }

    /** Every rule of every group, by uid, in file order. */
    static Map<String, Map<String, Object>> rules() {
        Map<String, Map<String, Object>> rules = new LinkedHashMap<>();
        for (Map<String, Object> group : Maps.maps(alertRuleFile(), "groups")) {
            for (Map<String, Object> rule : Maps.maps(group, "rules")) {
                if (rules.put(Maps.string(rule, "uid"), rule) != null) {
                    throw new IllegalStateException("two rules have the uid " + rule.get("uid"));
                }
            }
        }
        return rules;
    }
}
