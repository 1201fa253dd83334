# Writes the hand-made Criterion.rs output tree the tests read, in the shapes Criterion 0.5 serialises
# (BenchmarkId -> benchmark.json, SavedSample -> sample.json, Estimates -> estimates.json, tukey.json),
# with per-iteration times chosen by hand so that the tests can check them exactly.
# Usage: python3 criterion_fixture.py bitbench-core/src/test/resources/import/criterion
import json, os, statistics, sys
root = sys.argv[1]

def dump(path, obj):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, 'w') as f:
        f.write(json.dumps(obj, separators=(',', ':')))

def est(point, lo, hi, se):
    return {"confidence_interval": {"confidence_level": 0.95, "lower_bound": lo, "upper_bound": hi},
            "point_estimate": point, "standard_error": se}

def bench(dirname, group, function, value, throughput, baseline, d, per_iter, mode="Linear"):
    n = len(per_iter)
    iters = [float(d * (i + 1)) for i in range(n)] if mode == "Linear" else [float(d)] * n
    times = [v * it for v, it in zip(per_iter, iters)]
    mean = sum(per_iter) / n
    med = statistics.median(per_iter)
    sd = statistics.stdev(per_iter)
    mad = statistics.median([abs(v - med) for v in per_iter]) * 1.4826
    slope = sum(x * y for x, y in zip(iters, times)) / sum(x * x for x in iters)
    full = "/".join(p for p in (group, function, value) if p is not None)
    base = os.path.join(root, dirname, baseline)
    dump(os.path.join(base, "benchmark.json"), {
        "group_id": group, "function_id": function, "value_str": value, "throughput": throughput,
        "full_id": full, "directory_name": dirname, "title": full})
    dump(os.path.join(base, "sample.json"), {"sampling_mode": mode, "iters": iters, "times": times})
    dump(os.path.join(base, "estimates.json"), {
        "mean": est(mean, mean - sd / 2, mean + sd / 2, sd / n ** 0.5),
        "median": est(med, min(per_iter), max(per_iter), sd / n ** 0.5),
        "median_abs_dev": est(mad, 0.0, 2 * mad, mad / 4),
        "slope": est(slope, slope - sd / 2, slope + sd / 2, sd / n ** 0.5) if mode == "Linear" else None,
        "std_dev": est(sd, sd / 2, sd * 1.5, sd / 4)})
    q1, q3 = statistics.quantiles(per_iter, n=4)[0], statistics.quantiles(per_iter, n=4)[2]
    iqr = q3 - q1
    dump(os.path.join(base, "tukey.json"), [q1 - 3 * iqr, q1 - 1.5 * iqr, q3 + 1.5 * iqr, q3 + 3 * iqr])

it_new = [25.0, 25.5, 24.5, 26.0, 25.0, 24.0, 25.5, 25.0, 26.5, 24.5]
it_base = [24.0, 24.5, 23.5, 25.0, 24.0, 23.0, 24.5, 24.0, 25.5, 23.5]
rec_new = [26000.0, 26500.0, 25500.0, 26250.0, 25750.0, 26000.0, 27000.0, 25900.0, 26100.0, 26050.0]
rec_base = [26100.0, 26400.0, 25600.0, 26200.0, 25800.0, 26050.0, 26900.0, 26000.0, 26150.0, 26000.0]
parse = [1000.0, 1010.0, 990.0, 1005.0, 995.0, 1020.0, 980.0, 1000.0, 1015.0, 985.0]
bench("fib/iterative/20", "fib", "iterative", "20", None, "new", 1000, it_new)
bench("fib/iterative/20", "fib", "iterative", "20", None, "base", 1000, it_base)
bench("fib/recursive/20", "fib", "recursive", "20", None, "new", 3497, rec_new)
bench("fib/recursive/20", "fib", "recursive", "20", None, "base", 3497, rec_base)
bench("parse", "parse", None, None, {"Bytes": 1024}, "new", 5000, parse, mode="Flat")
# a comparison Criterion writes next to the baselines: not a baseline, must be ignored
dump(os.path.join(root, "fib/iterative/20/change/estimates.json"), {
    "mean": est(0.0479, 0.03, 0.06, 0.007), "median": est(0.0417, 0.02, 0.06, 0.01)})
os.makedirs(os.path.join(root, "report"), exist_ok=True)
with open(os.path.join(root, "report/index.html"), "w") as f:
    f.write("<!DOCTYPE html><html><head><title>Index - Criterion.rs</title></head><body></body></html>\n")
