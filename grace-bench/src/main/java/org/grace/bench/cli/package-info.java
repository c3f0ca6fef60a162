/** The bench's command line: options, {@code reproduce} and {@code merge}. */
package org.grace.bench.cli;
