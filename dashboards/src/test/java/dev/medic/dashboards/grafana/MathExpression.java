package dev.medic.dashboards.grafana;

import java.util.List;
import java.util.Map;

import dev.medic.dashboards.grafana.Sse.Number;
import dev.medic.dashboards.grafana.Sse.NumberSet;
import dev.medic.dashboards.grafana.Sse.Operand;
import dev.medic.dashboards.grafana.Sse.Scalar;

/**
 * Grafana's math expression over reduced number sets: {@code $A} or {@code ${A}}, numbers,
 * parentheses, unary {@code - !}, {@code * / %}, {@code + -}, comparisons, {@code &&}, {@code ||},
 * with Go's precedence (loosest first: {@code ||}, {@code &&}, comparisons, additive,
 * multiplicative, unary). Functions are not reproduced: an expression that calls one fails here
 * rather than being guessed at.
 */
public final class MathExpression {

    private final String text;
    private final Map<String, List<Number>> variables;
    private int at;

    private MathExpression(String text, Map<String, List<Number>> variables) {
        this.text = text;
        this.variables = variables;
    }

    /** Evaluates the expression; the result is always a number set (a scalar result becomes one unlabelled number). */
    public static List<Number> evaluate(String expression, Map<String, List<Number>> variables) {
        MathExpression parser = new MathExpression(expression, variables);
        Operand result = parser.or();
        parser.space();
        if (parser.at != expression.length()) {
            throw parser.error("unexpected text");
        }
        return result instanceof NumberSet set ? set.numbers() : List.of(new Number(Map.of(), ((Scalar) result).value()));
    }

    private Operand or() {
        Operand left = and();
        while (eat("||")) {
            left = Sse.apply(left, and(), (a, b) -> a != 0 || b != 0 ? 1 : 0);
        }
        return left;
    }

    private Operand and() {
        Operand left = comparison();
        while (eat("&&")) {
            left = Sse.apply(left, comparison(), (a, b) -> a != 0 && b != 0 ? 1 : 0);
        }
        return left;
    }

    private Operand comparison() {
        Operand left = additive();
        while (true) {
            if (eat("==")) {
                left = Sse.apply(left, additive(), (a, b) -> a == b ? 1 : 0);
            } else if (eat("!=")) {
                left = Sse.apply(left, additive(), (a, b) -> a != b ? 1 : 0);
            } else if (eat(">=")) {
                left = Sse.apply(left, additive(), (a, b) -> a >= b ? 1 : 0);
            } else if (eat("<=")) {
                left = Sse.apply(left, additive(), (a, b) -> a <= b ? 1 : 0);
            } else if (eat(">")) {
                left = Sse.apply(left, additive(), (a, b) -> a > b ? 1 : 0);
            } else if (eat("<")) {
                left = Sse.apply(left, additive(), (a, b) -> a < b ? 1 : 0);
            } else {
                return left;
            }
        }
    }

    private Operand additive() {
        Operand left = multiplicative();
        while (true) {
            if (eat("+")) {
                left = Sse.apply(left, multiplicative(), Double::sum);
            } else if (peekMinus()) {
                at++;
                left = Sse.apply(left, multiplicative(), (a, b) -> a - b);
            } else {
                return left;
            }
        }
    }

    private Operand multiplicative() {
        Operand left = unary();
        while (true) {
            if (eat("*")) {
                left = Sse.apply(left, unary(), (a, b) -> a * b);
            } else if (eat("/")) {
                left = Sse.apply(left, unary(), (a, b) -> a / b);
            } else if (eat("%")) {
                left = Sse.apply(left, unary(), (a, b) -> a % b);
            } else {
                return left;
            }
        }
    }

    private Operand unary() {
        if (peekMinus()) {
            at++;
            return Sse.apply(unary(), a -> -a);
        }
        if (peek('!') && !text.startsWith("!=", at)) {
            at++;
            return Sse.apply(unary(), a -> a == 0 ? 1 : 0);
        }
        return primary();
    }

    private Operand primary() {
        space();
        if (eat("(")) {
            Operand inner = or();
            if (!eat(")")) {
                throw error("expected ')'");
            }
            return inner;
        }
        if (peek('$')) {
            at++;
            boolean braced = peek('{');
            if (braced) {
                at++;
            }
            int start = at;
            while (at < text.length() && (Character.isLetterOrDigit(text.charAt(at)) || text.charAt(at) == '_')) {
                at++;
            }
            String name = text.substring(start, at);
            if (braced && !eat("}")) {
                throw error("expected '}'");
            }
            List<Number> value = variables.get(name);
            if (value == null) {
                throw error("no expression or query named " + name);
            }
            return new NumberSet(value);
        }
        int start = at;
        while (at < text.length() && (Character.isDigit(text.charAt(at)) || text.charAt(at) == '.'
                || text.charAt(at) == 'e' && at > start)) {
            at++;
        }
        if (start == at) {
            throw error("expected a number, a variable or '('");
        }
        return new Scalar(Double.parseDouble(text.substring(start, at)));
    }

    private boolean peekMinus() {
        space();
        return peek('-');
    }

    private boolean eat(String token) {
        space();
        if (text.startsWith(token, at)) {
            at += token.length();
            return true;
        }
        return false;
    }

    private boolean peek(char c) {
        space();
        return at < text.length() && text.charAt(at) == c;
    }

    private void space() {
        while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
            at++;
        }
    }

    private IllegalArgumentException error(String what) {
        return new IllegalArgumentException("math expression '" + text + "': " + what + " at " + at);
    }
}
