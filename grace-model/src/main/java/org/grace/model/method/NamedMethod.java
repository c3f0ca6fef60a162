package org.grace.model.method;

/**
 * The part every registered method shares: its registered name and the validated settings it was
 * created with. Subclasses say what they train and how a step turns a batch into a loss.
 */
public abstract class NamedMethod implements FinetuningMethod {

    private final String name;
    private final MethodSettings settings;

    protected NamedMethod(String name, MethodSettings settings) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a method needs a registered name");
        }
        if (settings == null) {
            throw new IllegalArgumentException("method " + name + " needs its settings");
        }
        this.name = name;
        this.settings = settings;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final MethodSettings settings() {
        return settings;
    }
}
