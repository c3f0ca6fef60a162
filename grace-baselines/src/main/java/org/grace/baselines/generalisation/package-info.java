/**
 * The generalisation baselines: methods that finetune CLIP on clean ID data while trying to keep
 * its zero-shot robustness to distribution shift: {@code zeroshot} ({@link org.grace.baselines.generalisation.ZeroShot}),
 * {@code ft} ({@link org.grace.baselines.generalisation.FullFinetuning}), {@code wise-ft}
 * ({@link org.grace.baselines.generalisation.WiseFt}), {@code tpgm} ({@link org.grace.baselines.generalisation.Tpgm}),
 * {@code spd} ({@link org.grace.baselines.generalisation.Spd}), {@code flyp}
 * ({@link org.grace.baselines.generalisation.Flyp}), {@code lora-ft} ({@link org.grace.baselines.generalisation.LoraFt})
 * and {@code lora-spd} ({@link org.grace.baselines.generalisation.LoraSpd}). Each has a
 * {@code NAME}, a {@code create(MethodSettings)} factory, a validated config record and default
 * settings in {@code /org/grace/baselines/methods/<name>.json}.
 */
package org.grace.baselines.generalisation;
