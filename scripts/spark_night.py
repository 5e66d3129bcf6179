#!/usr/bin/env python3
"""One night of Katalog on Apache Spark: `katalog map` as the mapper, `katalog merge` as the reducer.

    python3 scripts/spark_night.py --katalog .build/debug/katalog --partitions 4 --out merged.jsonl INPUT...

INPUTs are files or folders (walked in sorted order, hidden files skipped, as Katalog does). The input paths are
spread over the map tasks; each task pipes its paths into `katalog map --partitions N --findings -`, whose stdout
holds records as `K<TAB>catalog line` and findings as JSON lines. Records are shuffled to partition K (the
partition Katalog computed, so Spark's own hash plays no part) and each partition is piped into
`katalog merge - --out -`. The merged lines are collected, sorted and written to --out; the findings' summaries
are added up and checked (read = imported + rejected) and printed as one JSON line on stdout.

Runs in local mode by default (--master local[2]); on a cluster, give --master and make the katalog binary and
the inputs reachable from every executor (docs/scale.md).
"""
import argparse
import json
import os
import sys


def input_files(paths):
    """The files under `paths`, in Katalog's order: arguments in order, folders walked in sorted byte order."""
    found = []
    for path in paths:
        path = os.path.abspath(path)
        if os.path.isdir(path):
            for name in sorted(os.listdir(path), key=lambda n: n.encode()):
                if not name.startswith("."):
                    found.extend(input_files([os.path.join(path, name)]))
        else:
            found.append(path)
    return found


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--katalog", required=True, help="path of the katalog binary")
    parser.add_argument("--partitions", type=int, default=4)
    parser.add_argument("--map-tasks", type=int, default=4)
    parser.add_argument("--master", default="local[2]")
    parser.add_argument("--out", required=True, help="file to write the sorted merged lines to")
    parser.add_argument("inputs", nargs="+")
    args = parser.parse_args()

    from pyspark import SparkConf, SparkContext

    katalog = os.path.abspath(args.katalog)
    partitions = args.partitions
    conf = (SparkConf().setMaster(args.master).setAppName("katalog-night")
            .set("spark.ui.enabled", "false").set("spark.ui.showConsoleProgress", "false"))
    context = SparkContext(conf=conf)
    context.setLogLevel("ERROR")
    try:
        files = input_files(args.inputs)
        mapped = context.parallelize(files, args.map_tasks).pipe(
            f"{katalog} map --partitions {partitions} --findings -")
        mapped.cache()
        records = (mapped.filter(lambda line: not line.startswith("{"))
                   .map(lambda line: (int(line.split("\t", 1)[0]), line.split("\t", 1)[1])))
        summaries = (mapped.filter(lambda line: line.startswith('{"summary"'))
                     .map(lambda line: json.loads(line)["summary"]).collect())
        merged = (records.partitionBy(partitions, lambda key: key).values()
                  .pipe(f"{katalog} merge - --out -"))
        lines = sorted(merged.collect(), key=lambda line: line.encode())
    finally:
        context.stop()

    totals = {key: sum(summary[key] for summary in summaries) for key in ("files", "read", "imported", "rejected")}
    if totals["read"] != totals["imported"] + totals["rejected"]:
        print(f"accounting does not add up: {totals}", file=sys.stderr)
        return 1
    with open(args.out, "w", encoding="utf-8") as out:
        for line in lines:
            out.write(line + "\n")
    print(json.dumps(dict(totals, map_tasks=len(summaries), merged=len(lines), partitions=partitions), sort_keys=True))
    return 0


if __name__ == "__main__":
    sys.exit(main())
