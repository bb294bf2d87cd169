"""Rebuilds iris.csv and digits.csv from the scikit-learn wheel (see README.md).

Usage: pip download scikit-learn==1.9.1 --no-deps -d /tmp/sk && python3 convert.py /tmp/sk/scikit_learn-*.whl
Reads only the wheel; downloads nothing itself.
"""
import csv
import gzip
import sys
import zipfile

wheel = zipfile.ZipFile(sys.argv[1])

rows = list(csv.reader(wheel.read("sklearn/datasets/data/iris.csv").decode().splitlines()))
names = rows[0][2:]
with open("iris.csv", "w", newline="") as f:
    out = csv.writer(f, lineterminator="\n")
    out.writerow(["sepal_length", "sepal_width", "petal_length", "petal_width", "species"])
    for r in rows[1:]:
        out.writerow(r[:4] + [names[int(r[4])]])

rows = list(csv.reader(gzip.decompress(wheel.read("sklearn/datasets/data/digits.csv.gz")).decode().splitlines()))
with open("digits.csv", "w", newline="") as f:
    out = csv.writer(f, lineterminator="\n")
    out.writerow([f"p{i}" for i in range(64)] + ["digit"])
    for r in rows:
        out.writerow([str(int(float(v))) for v in r[:64]] + [str(int(float(r[64])))])
