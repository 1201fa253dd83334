/** BitBench store module. */
package dev.bitbench.store;
