/** BitBench inference module. */
package dev.bitbench.inference;
