package dev.medic.packages.http.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A strict JSON (RFC 8259) reader that turns a document into plain Java values: {@code Map}
 * (keys in document order), {@code List}, {@code String}, {@code BigDecimal}, {@code Boolean} and
 * {@code null} for JSON null.
 *
 * <p>The package keeps its own reader instead of bundling a library: health responses are small,
 * and a plain jar without dependencies loads faster and cannot clash with another package's
 * copy of a JSON library. Anything that is not JSON is refused with the position of the problem.
 */
public final class Json {

    /** Deeper nesting than this is refused instead of overflowing the stack. */
    static final int MAX_DEPTH = 256;

    private final String text;
    private int position;
    private int depth;

    private Json(String text) {
        this.text = text;
    }

    /**
     * Parses a whole document.
     *
     * @throws JsonException when the text is not one JSON value, naming the position
     */
    public static Object parse(String text) {
        Json reader = new Json(text);
        reader.skipWhitespace();
        Object value = reader.value();
        reader.skipWhitespace();
        if (reader.position < text.length()) {
            throw reader.problem("unexpected text after the JSON value");
        }
        return value;
    }

    private Object value() {
        if (position >= text.length()) {
            throw problem("the document ends where a value was expected");
        }
        char c = text.charAt(position);
        return switch (c) {
            case '{' -> object();
            case '[' -> array();
            case '"' -> string();
            case 't' -> literal("true", Boolean.TRUE);
            case 'f' -> literal("false", Boolean.FALSE);
            case 'n' -> literal("null", null);
            default -> {
                if (c == '-' || (c >= '0' && c <= '9')) {
                    yield number();
                }
                throw problem("unexpected character '" + c + "'");
            }
        };
    }

    private Map<String, Object> object() {
        enter();
        position++;
        Map<String, Object> members = new LinkedHashMap<>();
        skipWhitespace();
        if (peek() == '}') {
            position++;
            depth--;
            return Collections.unmodifiableMap(members);
        }
        while (true) {
            skipWhitespace();
            if (peek() != '"') {
                throw problem("expected a member name in double quotes");
            }
            String name = string();
            skipWhitespace();
            expect(':');
            skipWhitespace();
            members.put(name, value());
            skipWhitespace();
            char next = peek();
            position++;
            if (next == '}') {
                depth--;
                return Collections.unmodifiableMap(members);
            }
            if (next != ',') {
                position--;
                throw problem("expected ',' or '}' in an object");
            }
        }
    }

    private List<Object> array() {
        enter();
        position++;
        List<Object> items = new ArrayList<>();
        skipWhitespace();
        if (peek() == ']') {
            position++;
            depth--;
            return Collections.unmodifiableList(items);
        }
        while (true) {
            skipWhitespace();
            items.add(value());
            skipWhitespace();
            char next = peek();
            position++;
            if (next == ']') {
                depth--;
                return Collections.unmodifiableList(items);
            }
            if (next != ',') {
                position--;
                throw problem("expected ',' or ']' in an array");
            }
        }
    }

    private String string() {
        position++;
        StringBuilder out = new StringBuilder();
        while (true) {
            if (position >= text.length()) {
                throw problem("a string is not closed");
            }
            char c = text.charAt(position++);
            if (c == '"') {
                return out.toString();
            }
            if (c < 0x20) {
                position--;
                throw problem("a control character must be escaped in a string");
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            if (position >= text.length()) {
                throw problem("a string is not closed");
            }
            char escape = text.charAt(position++);
            switch (escape) {
                case '"' -> out.append('"');
                case '\\' -> out.append('\\');
                case '/' -> out.append('/');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'u' -> out.append(unicodeEscape());
                default -> {
                    position--;
                    throw problem("unknown escape '\\" + escape + "'");
                }
            }
        }
    }

    private char unicodeEscape() {
        if (position + 4 > text.length()) {
            throw problem("a \\u escape needs four hex digits");
        }
        int code = 0;
        for (int i = 0; i < 4; i++) {
            int digit = Character.digit(text.charAt(position), 16);
            if (digit < 0) {
                throw problem("a \\u escape needs four hex digits");
            }
            code = code * 16 + digit;
            position++;
        }
        // Surrogate pairs arrive as two escapes; appending both halves rebuilds the character.
        return (char) code;
    }

    private BigDecimal number() {
        int start = position;
        if (peek() == '-') {
            position++;
        }
        if (peek() == '0') {
            position++;
        } else if (isDigit(peek())) {
            digits();
        } else {
            throw problem("a number needs digits");
        }
        if (peek() == '.') {
            position++;
            if (!isDigit(peek())) {
                throw problem("a number needs digits after '.'");
            }
            digits();
        }
        if (peek() == 'e' || peek() == 'E') {
            position++;
            if (peek() == '+' || peek() == '-') {
                position++;
            }
            if (!isDigit(peek())) {
                throw problem("a number needs digits in its exponent");
            }
            digits();
        }
        return new BigDecimal(text.substring(start, position));
    }

    private void digits() {
        while (isDigit(peek())) {
            position++;
        }
    }

    private Object literal(String word, Object value) {
        if (!text.startsWith(word, position)) {
            throw problem("unexpected word; expected " + word);
        }
        position += word.length();
        return value;
    }

    private void enter() {
        if (++depth > MAX_DEPTH) {
            throw problem("nested deeper than " + MAX_DEPTH + " levels");
        }
    }

    private void expect(char c) {
        if (peek() != c) {
            throw problem("expected '" + c + "'");
        }
        position++;
    }

    /** The current character, or 0 at the end (0 never matches what the callers look for). */
    private char peek() {
        return position < text.length() ? text.charAt(position) : 0;
    }

    private void skipWhitespace() {
        while (position < text.length()) {
            char c = text.charAt(position);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            position++;
        }
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private JsonException problem(String what) {
        return new JsonException("not valid JSON at character " + (position + 1) + ": " + what);
    }

    /** A document that is not valid JSON, or a path that does not fit. */
    public static final class JsonException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        JsonException(String message) {
            super(message);
        }
    }
}
