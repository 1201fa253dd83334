/** BitBench core module. */
package dev.bitbench.core;
