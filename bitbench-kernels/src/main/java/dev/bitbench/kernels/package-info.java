/**
 * The system under test: tensors, kernels and low-bit formats, pure Java with no I/O.
 *
 * <p>Kernels are reached through a {@link dev.bitbench.kernels.Backend} chosen by name with
 * {@link dev.bitbench.kernels.Backends#byName(String)}.
 */
package dev.bitbench.kernels;
