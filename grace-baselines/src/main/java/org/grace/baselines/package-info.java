/**
 * Every method GRACE is compared against (zero-shot, FT, WiSE-FT, TPGM, SPD, FLYP, TeCoA, FARE,
 * PMG-AFT and their LoRA/VPT variants), one class per method, behind one method interface and a
 * registry keyed by name.
 */
package org.grace.baselines;
