package org.grace.attacks.autoattack;

/**
 * One line of an AutoAttack report: after running {@code attack} on the points still robust,
 * {@code robustAccuracy} of all points remain robust; {@code fooled} points fell to this attack.
 */
public record AttackStep(String attack, double robustAccuracy, int fooled, double seconds) {}
