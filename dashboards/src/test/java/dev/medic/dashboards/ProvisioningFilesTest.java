package dev.medic.dashboards;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import dev.medic.dashboards.grafana.Dashboard;
import dev.medic.dashboards.grafana.GrafanaFiles;
import dev.medic.dashboards.grafana.Maps;
import dev.medic.dashboards.grafana.Provisioning;
import dev.medic.dashboards.grafana.TemplateSrv;

/**
 * The provisioning files, read as Grafana's provisioning reads them: the data source, the
 * dashboard provider, the alert rules, and the contact point examples with their notification
 * policy. Environment variables are interpolated as Grafana does ({@link Provisioning}); no
 * secret is written in any file.
 */
class ProvisioningFilesTest {

    private static final GrafanaFiles FILES = Provisioned.FILES;
    private static final Set<String> RULES =
        Set.of("medic-unresolved", "medic-silent-runner", "medic-repair-storm", "medic-flapping", "medic-pollers-agree");
    private static final Set<String> CONTACT_POINTS = Set.of("pagerduty", "opsgenie", "webhook", "email");
    /** Settings that hold a secret or an address that differs per installation: only ever an environment reference. */
    private static final Set<String> FROM_ENVIRONMENT =
        Set.of("integrationKey", "apiKey", "apiUrl", "url", "authorization_credentials", "addresses", "password");

    private static Set<String> environmentNames(String text) {
        Set<String> names = new TreeSet<>();
        Matcher matcher = Provisioning.REFERENCE.matcher(text.replace("$$", ""));
        while (matcher.find()) {
            if (Provisioning.name(matcher) != null) {
                names.add(Provisioning.name(matcher));
            }
        }
        return names;
    }

    @Test
    void theDataSourceIsInfluxQlAndTakesItsAddressAndCredentialsFromTheEnvironment() {
        Map<String, Object> datasource = Provisioned.datasource();
        Map<String, Object> jsonData = Maps.map(datasource, "jsonData");

        assertThat(Maps.number(GrafanaFiles.yaml(FILES.provisioning().resolve("datasources/medic-influxdb.yaml")), "apiVersion"))
            .hasValue(1);
        assertThat(datasource).containsEntry("uid", "medic-influxdb").containsEntry("type", "influxdb")
            .containsEntry("access", "proxy").containsEntry("name", "Medic InfluxDB");
        assertThat(jsonData).containsEntry("version", "InfluxQL").containsEntry("httpMode", "POST");
        assertThat(List.of(Maps.string(datasource, "url"), Maps.string(datasource, "user"), Maps.string(jsonData, "dbName")))
            .allSatisfy(value -> assertThat(Provisioning.isReference(value)).as(value).isTrue());
        assertThat(Maps.map(datasource, "secureJsonData")).allSatisfy((key, value) ->
            assertThat(Provisioning.isReference((String) value)).as("secret %s", key).isTrue());
        assertThat(datasource).doesNotContainKeys("password", "basicAuthPassword");

        Map<String, String> environment = Map.of("MEDIC_INFLUXDB_URL", "http://influx.example.com:8086",
            "MEDIC_INFLUXDB_DATABASE", "medic", "MEDIC_INFLUXDB_USER", "grafana", "MEDIC_INFLUXDB_PASSWORD", "s3cret");
        assertThat(Provisioning.interpolate(Maps.string(datasource, "url"), environment)).isEqualTo("http://influx.example.com:8086");
        assertThat(Provisioning.interpolate(Maps.string(jsonData, "dbName"), environment)).isEqualTo("medic");
        assertThat(Provisioning.interpolate((String) Maps.map(datasource, "secureJsonData").get("password"), environment))
            .isEqualTo("s3cret");
    }

    @Test
    void theInfluxDbTwoAlternativeIsTheSameDataSourceWithATokenFromTheEnvironment() {
        Map<String, Object> v2 = Maps.maps(GrafanaFiles.yaml(FILES.root().resolve("alternatives/medic-influxdb-v2.yaml")),
            "datasources").get(0);

        assertThat(v2).containsEntry("uid", Provisioned.datasourceUid()).containsEntry("name", Provisioned.datasource().get("name"));
        assertThat(Maps.map(v2, "jsonData")).containsEntry("version", "InfluxQL").containsEntry("httpHeaderName1", "Authorization");
        assertThat(Provisioning.interpolate((String) Maps.map(v2, "secureJsonData").get("httpHeaderValue1"),
            Map.of("MEDIC_INFLUXDB_TOKEN", "t0ken"))).isEqualTo("Token t0ken");
    }

    @Test
    void theDashboardProviderLoadsTheDashboardsIntoTheMedicFolder() {
        Map<String, Object> provider = Maps.maps(GrafanaFiles.yaml(FILES.provisioning().resolve("dashboards/medic.yaml")),
            "providers").get(0);

        assertThat(provider).containsEntry("type", "file").containsEntry("folder", "Medic");
        assertThat(Maps.string(Maps.map(provider, "options"), "path")).startsWith("/");
        assertThat(Maps.optionalString(provider, "allowUiUpdates")).hasValue("false");
    }

    @Test
    void alertRulesAreInGrafanasFileProvisioningFormat() {
        Map<String, Object> file = Provisioned.alertRuleFile();
        assertThat(Maps.number(file, "apiVersion")).hasValue(1);
        Map<String, Map<String, Object>> rules = Provisioned.rules();
        assertThat(rules.keySet()).containsExactlyInAnyOrderElementsOf(RULES);

        for (Map<String, Object> group : Maps.maps(file, "groups")) {
            assertThat(group).containsKeys("orgId", "name", "folder", "interval");
            assertThat(Provisioning.duration(Maps.string(group, "interval"))).isPositive();
        }
        rules.forEach((uid, rule) -> {
            assertThat(rule).as(uid).containsKeys("title", "condition", "data", "for", "noDataState", "execErrState", "labels");
            assertThat(Maps.string(rule, "noDataState")).as(uid).isIn("NoData", "Alerting", "OK", "KeepLast");
            assertThat(Maps.string(rule, "execErrState")).as(uid).isIn("Error", "Alerting", "OK", "KeepLast");
            assertThat(Provisioning.duration(Maps.string(rule, "for"))).as(uid).isLessThanOrEqualTo(Duration.ofMinutes(30));
            assertThat(Maps.map(rule, "labels")).as(uid).containsKey("severity");
            assertThat((String) Maps.map(rule, "labels").get("severity")).isIn("critical", "warning");
            Set<String> refIds = new HashSet<>();
            for (Map<String, Object> item : Maps.maps(rule, "data")) {
                String refId = Maps.string(item, "refId");
                Map<String, Object> model = Maps.map(item, "model");
                assertThat(refIds.add(refId)).as("%s %s twice", uid, refId).isTrue();
                assertThat(model).as("%s %s", uid, refId).containsEntry("refId", refId);
                if (Maps.string(item, "datasourceUid").equals("__expr__")) {
                    assertThat(Maps.string(model, "type")).isIn("reduce", "math", "threshold");
                    assertThat(refIds).as("%s %s reads what comes before it", uid, refId).containsAll(inputs(model));
                } else {
                    assertThat(Maps.string(item, "datasourceUid")).as(uid).isEqualTo(Provisioned.datasourceUid());
                    assertThat(Maps.map(item, "relativeTimeRange")).containsKeys("from", "to");
                    assertThat(Maps.bool(model, "rawQuery")).isTrue();
                    assertThat(Maps.string(model, "query")).startsWith("SELECT ").contains("$timeFilter");
                }
            }
            assertThat(refIds).as(uid).contains(Maps.string(rule, "condition"));
        });
    }

    private static Set<String> inputs(Map<String, Object> model) {
        String expression = Maps.string(model, "expression");
        return Maps.string(model, "type").equals("math") ? TemplateSrv.references(expression) : Set.of(expression);
    }

    @Test
    void alertRulesHoldNothingGrafanasEnvironmentInterpolationWouldChange() {
        Map<String, String> environment = new HashMap<>(System.getenv());
        environment.put("labels", "REPLACED");
        environment.put("values", "REPLACED");
        Provisioned.rules().forEach((uid, rule) -> {
            for (String key : List.of("uid", "title", "condition", "for", "noDataState", "execErrState")) {
                String value = Maps.string(rule, key);
                assertThat(Provisioning.interpolate(value, environment)).as("%s %s", uid, key).isEqualTo(value);
            }
            Maps.map(rule, "labels").forEach((key, value) ->
                assertThat(Provisioning.interpolate((String) value, environment)).as("%s label %s", uid, key).isEqualTo(value));
            Maps.map(rule, "annotations").forEach((key, value) ->
                assertThat(Provisioning.interpolateAnnotation((String) value, environment)).as("%s annotation %s", uid, key)
                    .isEqualTo(value));
        });
    }

    @Test
    void everyAlertRuleLinksToADashboardPanelThatExists() {
        Map<String, Dashboard> dashboards = new HashMap<>();
        FILES.dashboards().forEach(dashboard -> dashboards.put(dashboard.uid(), dashboard));
        Provisioned.rules().forEach((uid, rule) -> {
            assertThat(Maps.map(rule, "annotations")).as(uid).containsKeys("summary", "description");
            Dashboard dashboard = dashboards.get(Maps.string(rule, "dashboardUid"));
            assertThat(dashboard).as("%s links to dashboard %s", uid, rule.get("dashboardUid")).isNotNull();
            assertThat(dashboard.panel(Maps.number(rule, "panelId").orElseThrow().intValue())).as(uid).isPresent();
        });
    }

    @Test
    void eachContactPointExampleIsTheMedicContactPointWithItsSecretsFromTheEnvironment() {
        List<Path> files = GrafanaFiles.list(FILES.contactPoints(), ".yaml");
        assertThat(files).extracting(file -> file.getFileName().toString().replace(".yaml", ""))
            .containsExactlyInAnyOrderElementsOf(CONTACT_POINTS);

        for (Path file : files) {
            String kind = file.getFileName().toString().replace(".yaml", "");
            Map<String, Object> content = GrafanaFiles.yaml(file);
            assertThat(Maps.number(content, "apiVersion")).hasValue(1);
            Map<String, Object> contactPoint = Maps.maps(content, "contactPoints").get(0);
            assertThat(Maps.maps(content, "contactPoints")).as(kind).hasSize(1);
            assertThat(contactPoint).containsEntry("name", "medic");
            Map<String, Object> receiver = Maps.maps(contactPoint, "receivers").get(0);
            assertThat(receiver).as(kind).containsEntry("type", kind).containsEntry("uid", "medic-" + kind);

            Map<String, String> environment = new HashMap<>();
            Map<String, Object> settings = Maps.map(receiver, "settings");
            settings.forEach((key, value) -> {
                if (!(value instanceof String text)) {
                    return;
                }
                if (FROM_ENVIRONMENT.contains(key)) {
                    assertThat(Provisioning.isReference(text)).as("%s %s must come from the environment", kind, key).isTrue();
                }
                for (String name : environmentNames(text)) {
                    assertThat(name).as("%s %s", kind, key).startsWith("MEDIC_");
                    environment.put(name, "value-of-" + name);
                }
                // Templates for the message must survive provisioning: no $ in them.
                if (text.contains("{{")) {
                    assertThat(text).as("%s %s", kind, key).doesNotContain("$");
                }
            });
            settings.forEach((key, value) -> {
                if (value instanceof String text && FROM_ENVIRONMENT.contains(key)) {
                    assertThat(Provisioning.interpolate(text, environment)).as("%s %s", kind, key).startsWith("value-of-MEDIC_");
                }
            });
            assertThat(GrafanaFiles.read(file)).as("%s documents its variables", kind).contains(environment.keySet());
        }
    }

    @Test
    void theNotificationPolicyIsTheSameInEveryExampleGroupsByHostAndPackageAndCapsReminders() {
        Set<Object> policies = new HashSet<>();
        for (Path file : GrafanaFiles.list(FILES.contactPoints(), ".yaml")) {
            policies.add(Maps.list(GrafanaFiles.yaml(file), "policies"));
        }
        assertThat(policies).hasSize(1);
        @SuppressWarnings("unchecked")
        Map<String, Object> root = ((List<Map<String, Object>>) policies.iterator().next()).get(0);

        assertThat(root).containsEntry("receiver", "medic");
        assertThat(Maps.list(root, "group_by")).containsExactly("host", "package");
        Duration repeat = Provisioning.duration(Maps.string(root, "repeat_interval"));
        assertThat(repeat).isBetween(Duration.ofHours(1), Duration.ofHours(24))
            .isGreaterThanOrEqualTo(Provisioning.duration(Maps.string(root, "group_interval")));
        assertThat(Maps.maps(root, "routes")).allSatisfy(route -> {
            assertThat(route).containsEntry("receiver", "medic");
            assertThat(Provisioning.duration(Maps.string(route, "repeat_interval"))).isLessThanOrEqualTo(Duration.ofHours(24));
            assertThat(Maps.list(route, "object_matchers")).allSatisfy(matcher ->
                assertThat((List<?>) matcher).hasSize(3).element(1).isIn("=", "!=", "=~", "!~"));
        });
        Set<String> severities = new HashSet<>();
        Provisioned.rules().values().forEach(rule -> severities.add((String) Maps.map(rule, "labels").get("severity")));
        assertThat(severities).as("a route for warnings, the root for the rest").containsExactlyInAnyOrder("critical", "warning");
    }

    @Test
    void theDockerComposeExampleMountsTheseFilesAndSetsEveryVariableTheyRead() throws Exception {
        Path compose = Path.of(System.getProperty("medic.compose.dir", "../examples/grafana")).resolve("docker-compose.yml");
        Map<String, Object> grafana = Maps.map(Maps.map(GrafanaFiles.yaml(compose), "services"), "grafana");
        Map<String, Object> environment = Maps.map(grafana, "environment");

        Set<String> read = new TreeSet<>();
        for (Object volume : Maps.list(grafana, "volumes")) {
            String source = ((String) volume).split(":")[0];
            if (!source.startsWith(".")) {
                continue;
            }
            Path path = compose.getParent().resolve(source).normalize();
            assertThat(path).as("mounted %s", source).exists();
            if (Files.isRegularFile(path) && path.toString().endsWith(".yaml")) {
                // Grafana interpolates the data source and contact point files; rule queries are taken raw.
                environmentNames(GrafanaFiles.read(path).lines().filter(line -> !line.strip().startsWith("#"))
                    .reduce("", (a, b) -> a + "\n" + b)).stream().filter(name -> name.startsWith("MEDIC_")).forEach(read::add);
            }
        }
        assertThat(read).contains("MEDIC_INFLUXDB_URL", "MEDIC_WEBHOOK_URL");
        assertThat(environment.keySet()).containsAll(read);
        assertThat(Pattern.compile("127\\.0\\.0\\.1:\\d+:\\d+").matcher(GrafanaFiles.read(compose)).results().count())
            .as("both ports on loopback only").isEqualTo(2);
    }
}
