/**
 * The paper's numbers kept as data ({@code paper-numbers.tsv}: every cell of Tables 6, 7 and 8 and
 * every number quoted in the text), their loader, and {@link org.grace.bench.paper.PaperAudit},
 * which recomputes each derived number of the paper from its printed parts.
 */
package org.grace.bench.paper;
