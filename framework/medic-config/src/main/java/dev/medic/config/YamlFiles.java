package dev.medic.config;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Loads YAML safely: only the node tree is built, never an object from a tag, with limits on
 * aliases, nesting and size so that a hostile file cannot exhaust memory.
 */
public final class YamlFiles {

    private static final int MAX_BYTES = 4 * 1024 * 1024;

    /** The most values that aliases may add to a document once expanded. */
    private static final long MAX_ALIAS_EXPANSION = 100_000;

    private YamlFiles() {
    }

    /**
     * Reads a file. A file that cannot be read or parsed is reported, and an empty mapping is
     * returned in its place.
     *
     * @param file        the file
     * @param displayName how to name the file in problems (as the user gave it)
     */
    public static ConfigNode load(Path file, String displayName, ConfigProblems problems) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            problems.add(displayName, "cannot read the file: " + e);
            return empty(displayName, problems);
        }
        return parse(text, displayName, problems);
    }

    /** Parses YAML text; parse errors are reported with their line and column. */
    public static ConfigNode parse(String text, String displayName, ConfigProblems problems) {
        if (text.length() > MAX_BYTES) {
            problems.add(displayName, "the file is larger than " + MAX_BYTES + " bytes");
            return empty(displayName, problems);
        }
        try (Reader reader = new StringReader(text)) {
            Node node = yaml().compose(reader);
            if (node == null) {
                return empty(displayName, problems);
            }
            String aliasProblem = aliasProblem(node);
            if (aliasProblem == null) {
                return new ConfigNode(node, displayName, "", problems);
            }
            problems.add(displayName, "not valid YAML: " + aliasProblem);
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            int line = mark == null ? 0 : mark.getLine() + 1;
            int column = mark == null ? 0 : mark.getColumn() + 1;
            String problem = e.getProblem() != null ? e.getProblem() : e.getMessage();
            String context = e.getContext() != null ? e.getContext() + ": " : "";
            problems.add(new ConfigProblem(displayName, line, column, "", "not valid YAML: " + context + problem));
        } catch (YAMLException | IOException e) {
            problems.add(displayName, "not valid YAML: " + e.getMessage());
        }
        return empty(displayName, problems);
    }

    private static Yaml yaml() {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(50);
        options.setNestingDepthLimit(50);
        options.setCodePointLimit(MAX_BYTES);
        options.setAllowRecursiveKeys(false);
        return new Yaml(new SafeConstructor(options));
    }

    /**
     * Why the aliases of a document must not be followed, or null when they may: the parser
     * bounds the number of aliases, but a few aliases of aliases still expand to millions of
     * values, and an alias inside the value it names never ends.
     */
    private static String aliasProblem(Node root) {
        Map<Node, Long> sizes = new IdentityHashMap<>();
        long expanded = expandedSize(root, sizes, Collections.newSetFromMap(new IdentityHashMap<>()));
        if (expanded < 0) {
            return "an alias refers to a value that contains it";
        }
        if (expanded - sizes.size() > MAX_ALIAS_EXPANSION) {
            return "aliases expand the document by more than " + MAX_ALIAS_EXPANSION + " values";
        }
        return null;
    }

    /** The number of values a node stands for with every alias expanded, or -1 for a cycle. */
    private static long expandedSize(Node node, Map<Node, Long> sizes, Set<Node> open) {
        Long known = sizes.get(node);
        if (known != null) {
            return known;
        }
        if (!open.add(node)) {
            return -1;
        }
        long size = 1;
        List<Node> children = new ArrayList<>();
        if (node instanceof MappingNode mapping) {
            for (NodeTuple tuple : mapping.getValue()) {
                children.add(tuple.getKeyNode());
                children.add(tuple.getValueNode());
            }
        } else if (node instanceof SequenceNode sequence) {
            children.addAll(sequence.getValue());
        }
        for (Node child : children) {
            long childSize = expandedSize(child, sizes, open);
            if (childSize < 0) {
                return -1;
            }
            size = Math.min(size + childSize, Long.MAX_VALUE / 2);
        }
        open.remove(node);
        sizes.put(node, size);
        return size;
    }

    private static ConfigNode empty(String displayName, ConfigProblems problems) {
        return new ConfigNode(new MappingNode(Tag.MAP, List.of(), DumperOptions.FlowStyle.BLOCK), displayName, "",
            problems);
    }
}
