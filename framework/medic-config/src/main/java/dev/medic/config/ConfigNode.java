package dev.medic.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * One value in a configuration file, with the file, line and key path it came from.
 *
 * <p>Readers never throw for a wrong value: they record a {@link ConfigProblem} and return empty,
 * so that one pass over a file reports every problem in it.
 */
public final class ConfigNode {

    private final Node node;
    private final Node key;
    private final String file;
    private final String path;
    private final ConfigProblems problems;
    private ConfigMap mapping;

    ConfigNode(Node node, String file, String path, ConfigProblems problems) {
        this(node, null, file, path, problems);
    }

    /** A value set under a key; {@code key} is the key's node, or null for a list item or the root. */
    private ConfigNode(Node node, Node key, String file, String path, ConfigProblems problems) {
        this.node = node;
        this.key = key;
        this.file = file;
        this.path = path;
        this.problems = problems;
    }

    /** The dotted key path of this value, such as {@code packages.demo.settings}; empty for the root. */
    public String path() {
        return path;
    }

    /** The file this value came from, as the user named it. */
    public String file() {
        return file;
    }

    /** The 1-based line this value starts on. */
    public int line() {
        return line(node);
    }

    /** The 1-based line of the key this value was set under; the value's own line when it has none. */
    public int keyLine() {
        return line(key == null ? node : key);
    }

    /** Records a problem located at this value. */
    public void report(String message) {
        reportAt(node, message);
    }

    /** The collector this node reports to. */
    public ConfigProblems problems() {
        return problems;
    }

    /** True for an explicit {@code null} or {@code ~}, or an empty value. */
    public boolean isNull() {
        return node instanceof ScalarNode && node.getTag().equals(Tag.NULL);
    }

    /** True for a mapping of keys to values. */
    public boolean isMapping() {
        return node instanceof MappingNode;
    }

    /** True for a list. */
    public boolean isList() {
        return node instanceof SequenceNode;
    }

    /**
     * This value as a mapping that allows only the given keys; any other key is reported with
     * the list of allowed keys. Reports and returns an empty mapping if this is not a mapping.
     */
    public ConfigMap asMap(List<String> allowedKeys) {
        ConfigMap map = asMap();
        map.entries().forEach((key, value) -> {
            if (!allowedKeys.contains(key)) {
                value.reportKey("unknown key '" + key + "'; allowed here: " + String.join(", ", allowedKeys));
            }
        });
        return map.only(allowedKeys);
    }

    /** This value as a mapping with any keys. Reports and returns an empty mapping if it is not one. */
    public ConfigMap asMap() {
        if (mapping == null) {
            mapping = readMapping();
        }
        return mapping;
    }

    /** Reads this value as a mapping; done once per node, so that each problem is reported once. */
    private ConfigMap readMapping() {
        Map<String, ConfigNode> entries = new LinkedHashMap<>();
        if (isNull()) {
            return new ConfigMap(this, entries);
        }
        if (!(node instanceof MappingNode yamlMapping)) {
            report("expected a mapping of keys to values, found " + describe());
            return new ConfigMap(this, entries);
        }
        if (!yamlMapping.getTag().equals(Tag.MAP)) {
            reportCustomTag();
            return new ConfigMap(this, entries);
        }
        for (NodeTuple tuple : yamlMapping.getValue()) {
            if (!(tuple.getKeyNode() instanceof ScalarNode keyNode) || keyNode.getTag().equals(Tag.MERGE)
                    || !isStandardTag(keyNode.getTag())) {
                new ConfigNode(tuple.getKeyNode(), file, path, problems)
                    .report("keys must be plain text (merge keys '<<', tagged keys and complex keys are not supported)");
                continue;
            }
            String key = keyNode.getValue();
            ConfigNode value = new ConfigNode(tuple.getValueNode(), keyNode, file, child(key), problems);
            ConfigNode earlier = entries.putIfAbsent(key, value);
            if (earlier != null) {
                value.reportKey("key '" + key + "' appears twice; it was first set on line " + earlier.keyLine());
            }
        }
        return new ConfigMap(this, Collections.unmodifiableMap(entries));
    }

    /** This value as a list; a single value is read as a one-element list. */
    public List<ConfigNode> asList() {
        List<ConfigNode> items = new ArrayList<>();
        if (isNull()) {
            return items;
        }
        if (node instanceof SequenceNode sequence) {
            if (!sequence.getTag().equals(Tag.SEQ)) {
                reportCustomTag();
                return items;
            }
            List<Node> values = sequence.getValue();
            for (int i = 0; i < values.size(); i++) {
                items.add(new ConfigNode(values.get(i), file, path + "[" + i + "]", problems));
            }
        } else {
            items.add(this);
        }
        return items;
    }

    /** The text of a scalar value, or empty (and a report) for a mapping or list. */
    public Optional<String> asText() {
        if (node instanceof ScalarNode scalar && !isNull()) {
            if (!isStandardTag(scalar.getTag())) {
                reportCustomTag();
                return Optional.empty();
            }
            return Optional.of(scalar.getValue());
        }
        report("expected a single value, found " + describe());
        return Optional.empty();
    }

    /** The YAML type this value resolved to: text, whole number, number, boolean, null, mapping or list. */
    public String describe() {
        if (node instanceof MappingNode) {
            return "a mapping";
        }
        if (node instanceof SequenceNode) {
            return "a list";
        }
        Tag tag = node.getTag();
        if (tag.equals(Tag.INT)) {
            return "the whole number " + ((ScalarNode) node).getValue();
        }
        if (tag.equals(Tag.FLOAT)) {
            return "the number " + ((ScalarNode) node).getValue();
        }
        if (tag.equals(Tag.BOOL)) {
            return "the boolean " + ((ScalarNode) node).getValue();
        }
        if (tag.equals(Tag.NULL)) {
            return "an empty value";
        }
        return "the text '" + ((ScalarNode) node).getValue() + "'";
    }

    /** True when the value was written as a YAML whole number. */
    boolean isInteger() {
        return node.getTag().equals(Tag.INT);
    }

    /** True when the value was written as a YAML number (whole or not). */
    boolean isNumber() {
        return node.getTag().equals(Tag.INT) || node.getTag().equals(Tag.FLOAT);
    }

    /** True when the value was written as a YAML boolean. */
    boolean isBoolean() {
        return node.getTag().equals(Tag.BOOL);
    }

    /**
     * This value as plain Java values: {@code Map<String, Object>} (in file order),
     * {@code List<Object>}, {@code String}, {@code Long}, {@code Double}, {@code Boolean} or null.
     * Custom tags are reported and read as null.
     */
    public Object toPlain() {
        if (node instanceof MappingNode) {
            Map<String, Object> map = new LinkedHashMap<>();
            asMap().entries().forEach((key, value) -> map.put(key, value.toPlain()));
            return map;
        }
        if (node instanceof SequenceNode) {
            List<Object> list = new ArrayList<>();
            asList().forEach(item -> list.add(item.toPlain()));
            return list;
        }
        if (isNull()) {
            return null;
        }
        String text = asText().orElse(null);
        if (text == null) {
            return null;
        }
        if (isInteger()) {
            return Scalars.parseLong(text).<Object>map(value -> value).orElse(text);
        }
        if (node.getTag().equals(Tag.FLOAT)) {
            return Scalars.parseDouble(text).<Object>map(value -> value).orElse(text);
        }
        if (isBoolean()) {
            return Scalars.parseBoolean(text).<Object>map(value -> value).orElse(text);
        }
        return text;
    }

    String child(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    /** Records a problem located at the key this value was set under (at the value when there is no key). */
    void reportKey(String message) {
        reportAt(key == null ? node : key, message);
    }

    private void reportCustomTag() {
        report("custom YAML tags such as '" + node.getTag().getValue() + "' are not allowed");
    }

    private void reportAt(Node at, String message) {
        int column = at.getStartMark() == null ? 0 : at.getStartMark().getColumn() + 1;
        problems.add(new ConfigProblem(file, line(at), column, path, message));
    }

    private static int line(Node at) {
        return at.getStartMark() == null ? 0 : at.getStartMark().getLine() + 1;
    }

    private static boolean isStandardTag(Tag tag) {
        return tag.equals(Tag.STR) || tag.equals(Tag.INT) || tag.equals(Tag.FLOAT)
            || tag.equals(Tag.BOOL) || tag.equals(Tag.NULL) || tag.equals(Tag.TIMESTAMP);
    }
}
