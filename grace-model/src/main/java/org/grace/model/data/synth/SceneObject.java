package org.grace.model.data.synth;

/**
 * One shape placed in a scene.
 *
 * @param shape          the shape
 * @param cx             centre x, as a fraction of the image side
 * @param cy             centre y, as a fraction of the image side (down is positive)
 * @param radius         radius of the shape's unit disc, as a fraction of the image side
 * @param rotation       clockwise rotation in radians
 * @param colour         fill colour
 * @param texture        surface pattern
 * @param lighterPattern whether the pattern's second colour is lighter (else darker) than the fill
 */
public record SceneObject(Shape shape, double cx, double cy, double radius, double rotation, Colour colour,
                          Texture texture, boolean lighterPattern) {

    public SceneObject {
        if (!(radius > 0 && radius < 1)) {
            throw new IllegalArgumentException("radius must be in (0,1), got " + radius);
        }
    }
}
