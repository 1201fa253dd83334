/** BitBench report module. */
package dev.bitbench.report;
