/** The reproduction grid (methods × seeds, seed-major) and its shards for job arrays. */
package org.grace.bench.grid;
