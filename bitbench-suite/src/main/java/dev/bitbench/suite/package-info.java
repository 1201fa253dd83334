/** BitBench suite module. */
package dev.bitbench.suite;
