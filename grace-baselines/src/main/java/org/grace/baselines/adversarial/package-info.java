/**
 * The adversarial finetuning baselines: TeCoA ({@link org.grace.baselines.adversarial.Tecoa}),
 * FARE ({@link org.grace.baselines.adversarial.Fare}), PMG-AFT
 * ({@link org.grace.baselines.adversarial.PmgAft}) and their parameter-efficient variants
 * LoRA-TeCoA ({@link org.grace.baselines.adversarial.LoraTecoa}) and VPT-PMG-AFT
 * ({@link org.grace.baselines.adversarial.VptPmgAft}). Each step draws training adversarial
 * images with grace-attacks' {@link org.grace.attacks.pgd.TrainingPgd} inside the loop's gradient
 * collector (see {@code CollectorSuspension}) and returns a loss of the clean and adversarial
 * batch; defaults are data in {@code /org/grace/baselines/methods/<name>.json}.
 */
package org.grace.baselines.adversarial;
