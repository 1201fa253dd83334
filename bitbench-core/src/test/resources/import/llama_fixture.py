# Writes the hand-made llama-bench outputs the tests read (threads.json as `-o json` prints it,
# threads.jsonl as `-o jsonl`), with the fields of llama-bench's JSON printer; samples_ts follows
# from samples_ns as llama-bench computes it (tokens * 1e9 / ns).
# Usage: python3 llama_fixture.py bitbench-core/src/test/resources/import/llama-bench
import json, statistics, sys
out = sys.argv[1]
def rec(threads, n_prompt, n_gen, samples_ns, time):
    tokens = n_prompt + n_gen
    ts = [round(tokens * 1e9 / ns, 6) for ns in samples_ns]
    return {
        "build_commit": "3f4a5b6c", "build_number": 5163,
        "cpu_info": "AMD EPYC 7B13", "gpu_info": "", "backends": "CPU",
        "model_filename": "models/bitnet-b1.58-2B-4T-TQ2_0.gguf",
        "model_type": "bitnet-b1.58 2B TQ2_0 - 2.06 bpw ternary",
        "model_size": 1110000000, "model_n_params": 2412000000,
        "n_batch": 2048, "n_ubatch": 512, "n_threads": threads, "cpu_mask": "0x0", "cpu_strict": False,
        "poll": 50, "type_k": "f16", "type_v": "f16", "n_gpu_layers": 0, "split_mode": "layer",
        "main_gpu": 0, "no_kv_offload": False, "flash_attn": False, "tensor_split": "0.00",
        "use_mmap": True, "embeddings": False, "n_prompt": n_prompt, "n_gen": n_gen, "n_depth": 0,
        "test_time": time,
        "avg_ns": int(statistics.mean(samples_ns)), "stddev_ns": int(statistics.stdev(samples_ns)),
        "avg_ts": round(statistics.mean(ts), 6), "stddev_ts": round(statistics.stdev(ts), 6),
        "samples_ns": samples_ns, "samples_ts": ts}
records = [
    rec(1, 64, 0, [2000000000, 2050000000, 1980000000, 2010000000, 1960000000], "2026-11-23T09:00:01Z"),
    rec(1, 0, 16, [1600000000, 1620000000, 1590000000, 1610000000, 1580000000], "2026-11-23T09:00:12Z"),
    rec(2, 64, 0, [1050000000, 1040000000, 1070000000, 1030000000, 1060000000], "2026-11-23T09:00:21Z"),
    rec(2, 0, 16, [880000000, 870000000, 890000000, 860000000, 900000000], "2026-11-23T09:00:27Z"),
]
def fmt(r):
    lines = []
    for k, v in r.items():
        if isinstance(v, list):
            lines.append('    "%s": [ %s ]' % (k, ", ".join(json.dumps(x) for x in v)))
        else:
            lines.append('    "%s": %s' % (k, json.dumps(v)))
    return "  {\n" + ",\n".join(lines) + "\n  }"
with open(out + "/threads.json", "w") as f:
    f.write("[\n" + ",\n".join(fmt(r) for r in records) + "\n]\n")
with open(out + "/threads.jsonl", "w") as f:
    for r in records[:2]:
        f.write(json.dumps(r) + "\n")
