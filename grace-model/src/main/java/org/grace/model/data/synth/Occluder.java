package org.grace.model.data.synth;

/**
 * A flat grey rectangle drawn over the objects (the occlusion of the ImageNet-A analogue's hard
 * candidates). Coordinates are fractions of the image side.
 */
public record Occluder(double x0, double y0, double x1, double y1, float grey) {

    public Occluder {
        if (!(x0 < x1 && y0 < y1)) {
            throw new IllegalArgumentException("occluder needs x0<x1 and y0<y1, got " + x0 + "," + y0 + "," + x1 + "," + y1);
        }
    }
}
