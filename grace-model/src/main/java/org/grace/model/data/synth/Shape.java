package org.grace.model.data.synth;

import java.util.OptionalDouble;

/**
 * The object shapes of the embedded world, each an implicit region in local coordinates where the
 * shape fits the unit disc ({@code u, v} in {@code [-1,1]}, {@code v} pointing down as in images).
 *
 * <p>The first ten are the ID classes (mirroring ImageNet's object classes); the rest appear only
 * in the pretraining captions and in the held-out-shapes transfer task, so zero-shot transfer to
 * them tests what pretraining taught. Membership tests use only {@link StrictMath} and plain
 * arithmetic, hence are bit-identical on every platform.
 */
public enum Shape {
    CIRCLE("circle", "circles", true),
    SQUARE("square", "squares", true),
    TRIANGLE("triangle", "triangles", true),
    STAR("star", "stars", true),
    CROSS("cross", "crosses", true),
    RING("ring", "rings", true),
    HEART("heart", "hearts", true),
    ARROW("arrow", "arrows", true),
    CRESCENT("crescent", "crescents", true),
    HEXAGON("hexagon", "hexagons", true),
    DIAMOND("diamond", "diamonds", false),
    BOLT("bolt", "bolts", false),
    CHEVRON("chevron", "chevrons", false),
    TRAPEZOID("trapezoid", "trapezoids", false),
    SEMICIRCLE("semicircle", "semicircles", false),
    BOWTIE("bowtie", "bowties", false);

    private static final double[][] STAR_POLYGON = starPolygon();
    private static final double[][] HEXAGON_POLYGON = regularPolygon(6, 0.0, 0.95);
    private static final double[][] TRIANGLE_POLYGON = regularPolygon(3, -StrictMath.PI / 2, 0.95);
    /** Arrow pointing up (towards negative v). */
    private static final double[][] ARROW_POLYGON = {
        {0.0, -1.0}, {0.75, -0.15}, {0.28, -0.15}, {0.28, 0.95}, {-0.28, 0.95}, {-0.28, -0.15}, {-0.75, -0.15}};
    private static final double[][] TRAPEZOID_POLYGON = {{-0.42, -0.55}, {0.42, -0.55}, {0.8, 0.55}, {-0.8, 0.55}};
    /** A lightning bolt. */
    private static final double[][] BOLT_POLYGON = {{0.2, -0.95}, {-0.5, 0.1}, {-0.05, 0.1}, {-0.3, 0.94},
        {0.55, -0.2}, {0.1, -0.2}};
    /** A "V" pointing down. */
    private static final double[][] CHEVRON_POLYGON = {{-0.85, -0.45}, {0.0, 0.25}, {0.85, -0.45}, {0.85, 0.1},
        {0.0, 0.8}, {-0.85, 0.1}};
    private static final double[][] BOWTIE_POLYGON = {{-0.8, -0.58}, {0.0, -0.12}, {0.8, -0.58}, {0.8, 0.58},
        {0.0, 0.12}, {-0.8, 0.58}};

    private final String singular;
    private final String plural;
    private final boolean idClass;

    Shape(String singular, String plural, boolean idClass) {
        this.singular = singular;
        this.plural = plural;
        this.idClass = idClass;
    }

    /** Word used in captions and class names. */
    public String singular() {
        return singular;
    }

    /** Plural used in counted captions ("three stars"). */
    public String plural() {
        return plural;
    }

    /**
     * The rotation that makes this shape point up, for the shapes that point somewhere (arrow and
     * triangle are drawn pointing up, the chevron pointing down); empty for the others. A pointing
     * subject drawn at {@code upRotation + direction.radians()} points in {@code direction}.
     */
    public OptionalDouble upRotation() {
        return switch (this) {
            case ARROW, TRIANGLE -> OptionalDouble.of(0.0);
            case CHEVRON -> OptionalDouble.of(StrictMath.PI);
            default -> OptionalDouble.empty();
        };
    }

    /** True for the ten ID classes, false for shapes seen only in pretraining and the held-out task. */
    public boolean isIdClass() {
        return idClass;
    }

    /** Whether local point {@code (u, v)} lies inside the shape. */
    public boolean contains(double u, double v) {
        switch (this) {
            case CIRCLE:
                return u * u + v * v <= 0.9;
            case SQUARE:
                return Math.abs(u) <= 0.7 && Math.abs(v) <= 0.7;
            case TRIANGLE:
                return insidePolygon(TRIANGLE_POLYGON, u, v - 0.05);
            case STAR:
                return insidePolygon(STAR_POLYGON, u, v);
            case CROSS:
                return (Math.abs(u) <= 0.3 && Math.abs(v) <= 0.95) || (Math.abs(v) <= 0.3 && Math.abs(u) <= 0.95);
            case RING: {
                double r2 = u * u + v * v;
                return r2 <= 0.9 && r2 >= 0.3;
            }
            case HEART: {
                double x = u * 1.25;
                double y = -(v * 1.25) + 0.25;
                double a = x * x + y * y - 1.0;
                return a * a * a - x * x * y * y * y <= 0.0;
            }
            case ARROW:
                return insidePolygon(ARROW_POLYGON, u, v);
            case CRESCENT: {
                boolean outer = u * u + v * v <= 0.9;
                double du = u - 0.45;
                double dv = v + 0.1;
                return outer && du * du + dv * dv > 0.55;
            }
            case HEXAGON:
                return insidePolygon(HEXAGON_POLYGON, u, v);
            case DIAMOND:
                return Math.abs(u) / 0.7 + Math.abs(v) <= 1.0;
            case BOLT:
                return insidePolygon(BOLT_POLYGON, u, v);
            case CHEVRON:
                return insidePolygon(CHEVRON_POLYGON, u, v);
            case TRAPEZOID:
                return insidePolygon(TRAPEZOID_POLYGON, u, v);
            case SEMICIRCLE: {
                double dv = v - 0.3;
                return dv <= 0.0 && u * u + dv * dv <= 0.9;
            }
            case BOWTIE:
                return insidePolygon(BOWTIE_POLYGON, u, v);
            default:
                throw new IllegalStateException("no region for shape " + this);
        }
    }

    /** Even–odd point-in-polygon test. */
    private static boolean insidePolygon(double[][] poly, double x, double y) {
        boolean inside = false;
        for (int i = 0, j = poly.length - 1; i < poly.length; j = i++) {
            double xi = poly[i][0];
            double yi = poly[i][1];
            double xj = poly[j][0];
            double yj = poly[j][1];
            if ((yi > y) != (yj > y) && x < (xj - xi) * (y - yi) / (yj - yi) + xi) {
                inside = !inside;
            }
        }
        return inside;
    }

    private static double[][] regularPolygon(int sides, double phase, double radius) {
        double[][] poly = new double[sides][2];
        for (int k = 0; k < sides; k++) {
            double angle = phase + 2 * StrictMath.PI * k / sides;
            poly[k][0] = radius * StrictMath.cos(angle);
            poly[k][1] = radius * StrictMath.sin(angle);
        }
        return poly;
    }

    private static double[][] starPolygon() {
        double[][] poly = new double[10][2];
        for (int k = 0; k < 10; k++) {
            double angle = -StrictMath.PI / 2 + StrictMath.PI * k / 5;
            double radius = k % 2 == 0 ? 0.95 : 0.4;
            poly[k][0] = radius * StrictMath.cos(angle);
            poly[k][1] = radius * StrictMath.sin(angle) + 0.04;
        }
        return poly;
    }
}
