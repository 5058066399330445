package dev.sluice.domain.metrics;

import java.util.Map;
import java.util.Objects;

/**
 * One {@code metrics.extraction.calculations} formula, as profiles write them for Olla's expr-lang:
 * numbers, figure names, {@code + - * /}, comparisons, {@code && || !}, parentheses and {@code cond ? a : b}.
 * Parsed once when the profile loads; evaluating allocates nothing. A figure the answer did not carry is NaN,
 * which makes comparisons false and sums NaN, so a formula over missing figures yields NaN ("no figure").
 */
public final class Calculation {

    private final Node root;
    private final String source;

    private Calculation(String source, Node root) {
        this.source = source;
        this.root = root;
    }

    /** @throws IllegalArgumentException naming the position when the formula is not one this grammar reads */
    public static Calculation parse(String formula) {
        Objects.requireNonNull(formula, "formula");
        Parser parser = new Parser(formula);
        Node root = parser.ternary();
        parser.skipSpaces();
        if (parser.pos < formula.length()) {
            throw parser.error("unexpected '" + formula.charAt(parser.pos) + "'");
        }
        return new Calculation(formula, root);
    }

    /** The value over these figures; NaN when it depends on a figure that is absent. */
    public double evaluate(Map<String, Double> figures) {
        return root.eval(figures);
    }

    @Override
    public String toString() {
        return source;
    }

    private interface Node {
        double eval(Map<String, Double> figures);
    }

    private static boolean truthy(double v) {
        return !Double.isNaN(v) && v != 0;
    }

    private static double bool(boolean b) {
        return b ? 1 : 0;
    }

    /** Recursive descent, lowest precedence first: ternary, ||, &&, comparison, sum, product, unary, atom. */
    private static final class Parser {
        private final String text;
        private int pos;

        Parser(String text) {
            this.text = text;
        }

        Node ternary() {
            Node condition = or();
            if (eat("?")) {
                Node then = ternary();
                expect(":");
                Node otherwise = ternary();
                return f -> truthy(condition.eval(f)) ? then.eval(f) : otherwise.eval(f);
            }
            return condition;
        }

        Node or() {
            Node left = and();
            while (eat("||")) {
                Node l = left;
                Node r = and();
                left = f -> bool(truthy(l.eval(f)) || truthy(r.eval(f)));
            }
            return left;
        }

        Node and() {
            Node left = comparison();
            while (eat("&&")) {
                Node l = left;
                Node r = comparison();
                left = f -> bool(truthy(l.eval(f)) && truthy(r.eval(f)));
            }
            return left;
        }

        Node comparison() {
            Node left = sum();
            for (String op : new String[] {">=", "<=", "==", "!=", ">", "<"}) {
                if (eat(op)) {
                    Node l = left;
                    Node r = sum();
                    switch (op) {
                        case ">=": return f -> bool(l.eval(f) >= r.eval(f));
                        case "<=": return f -> bool(l.eval(f) <= r.eval(f));
                        case "==": return f -> bool(l.eval(f) == r.eval(f));
                        case "!=": return f -> bool(l.eval(f) != r.eval(f));
                        case ">": return f -> bool(l.eval(f) > r.eval(f));
                        default: return f -> bool(l.eval(f) < r.eval(f));
                    }
                }
            }
            return left;
        }

        Node sum() {
            Node left = product();
            while (true) {
                Node l = left;
                if (eat("+")) {
                    Node r = product();
                    left = f -> l.eval(f) + r.eval(f);
                } else if (eat("-")) {
                    Node r = product();
                    left = f -> l.eval(f) - r.eval(f);
                } else {
                    return left;
                }
            }
        }

        Node product() {
            Node left = unary();
            while (true) {
                Node l = left;
                if (eat("*")) {
                    Node r = unary();
                    left = f -> l.eval(f) * r.eval(f);
                } else if (eat("/")) {
                    Node r = unary();
                    left = f -> l.eval(f) / r.eval(f);
                } else {
                    return left;
                }
            }
        }

        Node unary() {
            if (eat("-")) {
                Node operand = unary();
                return f -> -operand.eval(f);
            }
            if (peek("!") && !peek("!=")) {
                pos++;
                Node operand = unary();
                return f -> bool(!truthy(operand.eval(f)));
            }
            return atom();
        }

        Node atom() {
            skipSpaces();
            if (eat("(")) {
                Node inner = ternary();
                expect(")");
                return inner;
            }
            int start = pos;
            if (pos < text.length() && (Character.isDigit(text.charAt(pos)) || text.charAt(pos) == '.')) {
                while (pos < text.length() && (Character.isDigit(text.charAt(pos)) || text.charAt(pos) == '.'
                        || text.charAt(pos) == 'e' || text.charAt(pos) == 'E')) {
                    pos++;
                }
                double value;
                try {
                    value = Double.parseDouble(text.substring(start, pos));
                } catch (NumberFormatException e) {
                    throw error("bad number '" + text.substring(start, pos) + "'");
                }
                return f -> value;
            }
            while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
                pos++;
            }
            if (start == pos) {
                throw error(pos < text.length() ? "unexpected '" + text.charAt(pos) + "'" : "unexpected end");
            }
            String name = text.substring(start, pos);
            if (name.equals("true") || name.equals("false")) {
                double value = bool(name.equals("true"));
                return f -> value;
            }
            return f -> {
                Double value = f.get(name);
                return value == null ? Double.NaN : value;
            };
        }

        void skipSpaces() {
            while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
                pos++;
            }
        }

        boolean peek(String token) {
            skipSpaces();
            return text.startsWith(token, pos);
        }

        boolean eat(String token) {
            if (peek(token)) {
                pos += token.length();
                return true;
            }
            return false;
        }

        void expect(String token) {
            if (!eat(token)) {
                throw error("expected '" + token + "'");
            }
        }

        IllegalArgumentException error(String what) {
            return new IllegalArgumentException(what + " at position " + pos + " in \"" + text + "\"");
        }
    }
}
