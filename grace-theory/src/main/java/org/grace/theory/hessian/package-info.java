/**
 * Hessians of DJL losses as symmetric operators over a parameter subset: exact double backward and
 * central finite differences, plus the analytic softmax-regression Hessian they are tested against.
 */
package org.grace.theory.hessian;
