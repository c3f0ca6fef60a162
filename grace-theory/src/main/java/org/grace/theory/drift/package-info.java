/** Relative parameter drift ‖θ − θ0‖/‖θ0‖, globally, per tensor and per group, on effective (LoRA-merged) weights. */
package org.grace.theory.drift;
