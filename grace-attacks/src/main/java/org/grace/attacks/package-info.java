/**
 * A standalone adversarial-attack library on DJL: the {@link org.grace.attacks.Classifier} interface
 * (float NCHW images in [0,1] to logits), attack losses, FGSM, PGD, APGD, APGD-T, FAB-T, Square and
 * AutoAttack compositions. It depends on DJL only, so any DJL model can be attacked with it.
 */
package org.grace.attacks;
