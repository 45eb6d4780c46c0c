package io.redisenterprise.infra.plan;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.api.ConstructNode;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.constructor.StandardConstructor;
import org.snakeyaml.engine.v2.exceptions.ConstructorException;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.resolver.ScalarResolver;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * Reads {@code Pulumi.yaml} and {@code Pulumi.<stack>.yaml} the way the Pulumi CLI does, so the plan sees the
 * values {@code pulumi up} would.
 *
 * <p>The CLI unmarshals both files with Go's {@code gopkg.in/yaml.v3} (pulumi/pulumi
 * {@code sdk/go/common/encoding/marshal.go}, {@code yamlMarshaler.Unmarshal}), after stripping a UTF-8 byte
 * order mark ({@code sdk/go/common/workspace/loaders.go}, {@code readFileStripUTF8BOM}). What yaml.v3 does,
 * read in go-yaml/yaml branch v3, and how this class matches it with SnakeYAML Engine (YAML 1.2, core schema):
 * <ul>
 *   <li>Scalars follow the YAML 1.2 core schema ({@code resolve.go}, {@code resolve} and its
 *       {@code resolveMapList}): only {@code true/True/TRUE/false/False/FALSE} are booleans, so {@code no},
 *       {@code yes}, {@code on} and {@code off} stay strings; {@code ~}, {@code null} and an empty value are null.
 *       SnakeYAML Engine's {@link CoreSchema} resolves the same way.</li>
 *   <li>Duplicate keys in a mapping are refused ({@code decode.go}, {@code (*decoder).mapping}, with
 *       {@code uniqueKeys} on by default in {@code newDecoder}), comparing the keys' text, with the message
 *       {@code mapping key "x" already defined at line N}. Checked here on the composed nodes, before merging.</li>
 *   <li>Merge keys {@code <<} are honoured ({@code decode.go}, {@code isMerge} and {@code (*decoder).merge}):
 *       the value must be a mapping or a sequence of mappings, keys written in the mapping itself win, and among
 *       merged mappings the first one listing a key wins. SnakeYAML Engine's composer flattens merges the same
 *       way.</li>
 *   <li>Numbers are what the program receives after yaml.v3 and Pulumi's JSON ({@link PulumiNumbers}): a float
 *       becomes the number Go's {@code encoding/json} writes for its {@code float64} ({@code 4.0} is 4), a float
 *       beyond the double range stays the text typed ({@code 1e400}: yaml.v3's {@code ParseFloat} fails, so the
 *       scalar is a string), integers beyond int64/uint64 become floats, and {@code 017} is Go's octal 15.</li>
 * </ul>
 * Where yaml.v3 leaves the core schema, it is followed: a plain scalar that starts with a digit or a sign is read
 * with its underscores removed and with Go's base prefixes ({@code 1_000} is 1000, {@code 0b101} is 5, {@code 0X1F} is
 * 31; {@link PulumiNumbers#goScalarKind}), where the core schema reads the strings {@code "1_000"} and
 * {@code "0b101"}. Known differences, none of which a key of this program relies on: yaml.v3 refuses two {@code <<}
 * keys in one mapping (here they are merged in order); and Pulumi turns an unquoted date into Go's time text (here
 * the date's own text).
 */
final class PulumiYaml {
    private static final String BOM = "\uFEFF";
    /** Numbers as yaml.v3 resolves them and Pulumi hands them on ({@link PulumiNumbers}). */
    private static final Map<Tag, ConstructNode> NUMBERS = Map.of(
            Tag.FLOAT, node -> floatScalar((ScalarNode) node),
            Tag.INT, node -> intScalar((ScalarNode) node));

    /**
     * An integer scalar: resolved so by {@link GoYamlSchema}, or tagged {@code !!int}, which yaml.v3 accepts only for
     * what resolves to an integer ({@code resolve.go}: "cannot decode !!float `019` as a !!int").
     */
    private static Object intScalar(ScalarNode node) {
        String value = node.getValue();
        String kind = PulumiNumbers.goScalarKind(value).orElse("str");
        if (!kind.equals("int")) {
            throw refused(node, "cannot decode !!" + kind + " `" + value + "` as a !!int");
        }
        return PulumiNumbers.yamlInt(value);
    }

    /** A float scalar, resolved or tagged {@code !!float}; yaml.v3 takes an integer there as that number. */
    private static Object floatScalar(ScalarNode node) {
        String value = node.getValue();
        if (PulumiNumbers.goScalarKind(value).filter("int"::equals).isPresent()) {
            Object number = PulumiNumbers.yamlInt(value);
            return number instanceof String ? number : PulumiNumbers.yamlFloat(number.toString());
        }
        try {
            return PulumiNumbers.yamlFloatAsTyped(value);
        } catch (NumberFormatException e) {
            throw refused(node, "cannot decode !!str `" + value + "` as a !!float");
        }
    }

    /** A value yaml.v3 refuses, reported at its place in the file. */
    private static ConstructorException refused(ScalarNode node, String problem) {
        return new ConstructorException(null, Optional.empty(), problem, node.getStartMark());
    }

    /** The YAML 1.2 core schema, with yaml.v3's reading of plain scalars that start with a digit or a sign. */
    static final class GoYamlSchema extends CoreSchema {
        @Override
        public ScalarResolver getScalarResolver() {
            ScalarResolver core = super.getScalarResolver();
            return (value, implicit) -> implicit
                    ? PulumiNumbers.goScalarKind(value).map(kind -> kind.equals("int") ? Tag.INT : Tag.FLOAT)
                            .orElseGet(() -> core.resolve(value, true))
                    : core.resolve(value, false);
        }
    }

    private PulumiYaml() {
    }

    /**
     * The document in {@code file} as plain Java values (maps, lists, strings, numbers, booleans, null), or a
     * one-line {@link IOException} reading {@code <shownAs>:<line>:<column>: <what>}.
     */
    static Object read(Path file, String shownAs) throws IOException {
        String text;
        try {
            text = Files.readString(file);
        } catch (CharacterCodingException e) {
            throw new IOException(shownAs + ": cannot be read: not UTF-8 text");
        } catch (java.nio.file.AccessDeniedException e) {
            throw new IOException(shownAs + ": cannot be read: permission denied");
        } catch (IOException e) {
            throw new IOException(shownAs + ": cannot be read: " + e.getClass().getSimpleName() + " " + e.getMessage());
        }
        if (text.startsWith(BOM)) {
            text = text.substring(BOM.length());
        }
        LoadSettings settings = LoadSettings.builder()
                .setLabel(shownAs)
                .setSchema(new GoYamlSchema())
                .setTagConstructors(NUMBERS)
                // The duplicate-key rule is yaml.v3's (keys compared as text), checked below on the nodes.
                .setAllowDuplicateKeys(true)
                .build();
        try {
            Optional<Node> root = new Compose(settings).composeString(text);
            if (root.isPresent()) {
                refuseDuplicateKeys(root.get(), shownAs, Collections.newSetFromMap(new IdentityHashMap<>()));
            }
            return new StandardConstructor(settings).constructSingleDocument(root);
        } catch (MarkedYamlEngineException e) {
            throw new IOException(describe(e, shownAs));
        } catch (YamlEngineException e) {
            throw new IOException(shownAs + ": " + oneLine(e.getMessage()));
        }
    }

    /** Where a document's node starts, as {@code <file>:<line>:<column>} (1-based, as editors count). */
    static String position(String shownAs, Node node) {
        return node.getStartMark().map(m -> at(shownAs, m)).orElse(shownAs);
    }

    private static void refuseDuplicateKeys(Node node, String shownAs, Set<Node> visited) throws IOException {
        if (!visited.add(node)) {
            return; // an alias of a node already checked (anchors may be reused, or even recursive)
        }
        if (node instanceof MappingNode mapping) {
            Map<String, Node> first = new HashMap<>();
            for (NodeTuple t : mapping.getValue()) {
                if (t.getKeyNode() instanceof ScalarNode key) {
                    Node earlier = first.putIfAbsent(key.getValue(), key);
                    if (earlier != null) {
                        throw new IOException(position(shownAs, key) + ": mapping key " + quote(key.getValue())
                                + " already defined at line " + earlier.getStartMark().map(m -> m.getLine() + 1).orElse(0));
                    }
                }
                refuseDuplicateKeys(t.getValueNode(), shownAs, visited);
            }
        } else if (node instanceof SequenceNode sequence) {
            for (Node item : sequence.getValue()) {
                refuseDuplicateKeys(item, shownAs, visited);
            }
        }
    }

    private static String describe(MarkedYamlEngineException e, String shownAs) {
        Optional<Mark> where = e.getProblemMark().or(e::getContextMark);
        StringBuilder what = new StringBuilder(oneLine(e.getProblem()));
        String context = e.getContext() == null ? "" : oneLine(e.getContext());
        if (!context.isEmpty()) {
            what.append(" (").append(context);
            e.getContextMark().filter(m -> e.getProblemMark().isPresent())
                    .ifPresent(m -> what.append(" at line ").append(m.getLine() + 1).append(", column ").append(m.getColumn() + 1));
            what.append(')');
        }
        return where.map(m -> at(shownAs, m)).orElse(shownAs) + ": " + what;
    }

    private static String at(String shownAs, Mark m) {
        return shownAs + ":" + (m.getLine() + 1) + ":" + (m.getColumn() + 1);
    }

    /** Library messages may span lines; a user error is one line. */
    private static String oneLine(String s) {
        return s == null ? "" : s.strip().replaceAll("\\s*\\n\\s*", " ");
    }

    /** Quoted as yaml.v3 quotes the key (Go's %#v of a string). */
    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n").replace("\t", "\\t") + "\"";
    }
}
